package dev.bulkhead.platform.remote;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.ErrorResponseException;
import dev.bulkhead.platform.RejectedRequest;
import dev.bulkhead.platform.modules.ActiveModules;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers the published queries of the modules hosted here over HTTP, for processes that host other
 * modules ({@link PublishedQueryClient} is the other end). {@code POST /internal/published-queries/<Api>/<method>}
 * with the arguments as a JSON array; the answer is the method's result as JSON. Read-only by
 * construction: only {@code @PublishedQuery} methods (read-only transactions) are reachable. Served
 * only with {@code bulkhead.remote.serve-published-queries=true}, and only to service tokens (ADR 0027):
 * the query runs as the customer or staff member the calling module serves, so the module checks
 * ownership as in process. Its refusals keep their status and problem, marked {@link #REFUSED_BY} so
 * the caller can tell them from a refusal of the call itself.
 */
@RestController
@ConditionalOnBooleanProperty(PublishedQueryEndpoint.ENABLED)
class PublishedQueryEndpoint {

    static final String ENABLED = "bulkhead.remote.serve-published-queries";

    static final String BASE_PATH = "/internal/published-queries";

    /** On a refusal by the module itself (its 4xx problem), the query it refused: {@code <API interface>.<method>}. */
    static final String REFUSED_BY = "Bulkhead-Refused-By";

    private final Map<String, Target> targets = new HashMap<>();
    private final JsonMapper json;

    PublishedQueryEndpoint(ActiveModules modules, ListableBeanFactory beans, JsonMapper json) {
        this.json = json;
        for (Class<?> api : PublishedApis.hostedBy(modules)) {
            Object bean = beans.getBean(api);
            for (Method method : api.getMethods()) {
                targets.put(api.getSimpleName() + "/" + method.getName(), new Target(bean, method));
            }
        }
    }

    private record Target(Object bean, Method method) {
    }

    private static ErrorResponseException refusedBy(String query, ErrorResponseException refusal) {
        refusal.getHeaders().set(REFUSED_BY, query);
        return refusal;
    }

    @PostMapping(BASE_PATH + "/{api}/{method}")
    ResponseEntity<Object> query(@PathVariable String api, @PathVariable String method, @RequestBody JsonNode arguments) {
        Target target = targets.get(api + "/" + method);
        if (target == null) {
            throw RejectedRequest.notFound("published query", api + "." + method);
        }
        Type[] types = target.method().getGenericParameterTypes();
        if (!arguments.isArray() || arguments.size() != types.length) {
            throw RejectedRequest.badRequest("arguments", api + "." + method + " takes " + types.length + " argument(s)");
        }
        Object[] values = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            values[i] = json.treeToValue(arguments.get(i), json.constructType(types[i]));
        }
        try {
            return ResponseEntity.ok(target.method().invoke(target.bean(), values));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException refused) {
                throw refusedBy(api + "." + method, RejectedRequest.badRequest("arguments", refused.getMessage()));
            }
            if (e.getCause() instanceof ErrorResponseException refused && refused.getStatusCode().is4xxClientError()) {
                throw refusedBy(api + "." + method, refused); // the module's own refusal, such as Caller's 403
            }
            if (e.getCause() instanceof RuntimeException failed) {
                throw failed; // rendered as this process renders it: a module over budget is a 503 here too
            }
            throw new IllegalStateException(api + "." + method + " failed", e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(api + "." + method + " is not callable", e);
        }
    }
}
