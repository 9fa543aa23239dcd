package dev.bulkhead.platform.remote;

import dev.bulkhead.platform.security.CallerTokens;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * An implementation of a module's published API that asks the process hosting the module over HTTP
 * ({@link PublishedQueryEndpoint}): the modules calling it cannot tell it from the module itself.
 * A refused argument comes back as the {@link IllegalArgumentException} the API documents; any other
 * failure (down, slow, 5xx) as a {@link RemoteModuleUnavailable}, which callers already treat like a
 * failing module.
 */
final class RemoteApiFactory {

    private final RestClient http;
    private final JsonMapper json;
    private final CallerTokens tokens;

    RemoteApiFactory(RestClient http, JsonMapper json, CallerTokens tokens) {
        this.http = http;
        this.json = json;
        this.tokens = tokens;
    }

    <T> T create(Class<T> api) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(api, proxy, method, args);
            }
            return query(api, method, args == null ? List.of() : Arrays.asList(args));
        };
        return api.cast(Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] { api }, handler));
    }

    private Object query(Class<?> api, Method method, List<Object> args) {
        String body = http.post().uri(PublishedApis.path(api, method))
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.current())
                .body(json.writeValueAsString(args))
                .retrieve()
                .onStatus(HttpStatusCode::is4xxClientError, (request, response) -> {
                    throw new IllegalArgumentException(api.getSimpleName() + "." + method.getName() + " refused: "
                            + new String(response.getBody().readAllBytes()));
                })
                .onStatus(HttpStatusCode::isError, (request, response) -> {
                    throw new RemoteModuleUnavailable(api.getSimpleName() + "." + method.getName() + " answered "
                            + response.getStatusCode());
                })
                .body(String.class);
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
