package dev.bulkhead.platform.remote;

import dev.bulkhead.platform.security.CallerTokens;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * The wire contract of {@link PublishedQueryEndpoint}, as a Spring HTTP interface client: one exchange
 * for every published query of every module, so the modules' APIs stay plain Java
 * interfaces and a new published query needs no HTTP declaration (ADR 0027). {@link RemoteApiFactory}
 * turns a call of an API method into this exchange and its JSON answer back into the method's type.
 */
@HttpExchange(url = PublishedQueryEndpoint.BASE_PATH, contentType = MediaType.APPLICATION_JSON_VALUE,
        accept = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
interface PublishedQueryClient {

    /**
     * @param arguments the method's arguments, in order
     * @param serviceToken {@code Bearer <service token>} of the calling module
     * @param callerToken the token of the customer or staff member being served; null for work without one
     * @return the method's result as JSON
     */
    @PostExchange("/{api}/{method}")
    String query(@PathVariable String api, @PathVariable String method, @RequestBody List<Object> arguments,
            @RequestHeader(HttpHeaders.AUTHORIZATION) String serviceToken,
            @RequestHeader(name = CallerTokens.HEADER, required = false) String callerToken);
}
