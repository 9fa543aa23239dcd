package dev.bulkhead.platform.remote;

import dev.bulkhead.platform.security.CallerTokens;
import dev.bulkhead.platform.security.ServiceTokens;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Implementations of a module's published APIs that ask the process hosting the module
 * ({@link PublishedQueryEndpoint}) through the HTTP interface client {@link PublishedQueryClient}: the
 * modules calling them cannot tell them from the module itself. The client is built from Boot's
 * {@link RestClient.Builder} (its JSON mapper, observations and customizers) with the module's own
 * address and timeouts. Each call presents the calling module's service token and relays the
 * caller's own token; how failures come back is {@link RemoteAnswers}'s business.
 */
final class RemoteApiFactory {

    /** Who calls when no module's code is on the stack, such as a platform job. */
    static final String PLATFORM = "platform";

    private final ObjectProvider<RestClient.Builder> builders;
    private final ClientHttpRequestFactoryBuilder<?> requestFactories;
    private final HttpClientSettings settings;
    private final JsonMapper json;
    private final ServiceTokens tokens;

    RemoteApiFactory(ObjectProvider<RestClient.Builder> builders, ClientHttpRequestFactoryBuilder<?> requestFactories,
            HttpClientSettings settings, JsonMapper json, ServiceTokens tokens) {
        this.builders = builders;
        this.requestFactories = requestFactories;
        this.settings = settings;
        this.json = json;
        this.tokens = tokens;
    }

    <T> T create(Class<T> api, String module, RemoteModuleProperties remote) {
        PublishedQueryClient client = client(remote);
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(api, proxy, method, args);
            }
            return query(client, module, api, method, args == null ? List.of() : Arrays.asList(args));
        };
        return api.cast(Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] { api }, handler));
    }

    private PublishedQueryClient client(RemoteModuleProperties remote) {
        RestClient http = builders.getObject()
                .baseUrl(remote.url())
                .requestFactory(requestFactories.build(settings.withTimeouts(remote.connectTimeout(), remote.readTimeout())))
                .build();
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(http)).build().createClient(PublishedQueryClient.class);
    }

    private Object query(PublishedQueryClient client, String module, Class<?> api, Method method, List<Object> args) {
        String caller = ModuleDirectory.callingModule().orElse(PLATFORM);
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // the transaction's connection would wait on the network, out of its module's small budget
            throw new IllegalStateException(caller + " asked " + api.getSimpleName() + "." + method.getName() + " of module "
                    + module + ", which runs in another process, inside a database transaction. Ask before the "
                    + "transaction begins, so no connection waits on HTTP (ADR 0027).");
        }
        String body;
        try {
            body = client.query(api.getSimpleName(), method.getName(), args, "Bearer " + tokens.forModule(caller),
                    CallerTokens.current().orElse(null));
        } catch (RestClientException failure) {
            throw RemoteAnswers.failure(module, api.getSimpleName() + "." + method.getName(), failure);
        }
        JavaType type = json.constructType(method.getGenericReturnType());
        return json.readValue(body == null ? "null" : body, type);
    }

    private static Object objectMethod(Class<?> api, Object proxy, Method method, Object[] args) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> "remote " + api.getSimpleName();
        };
    }
}
