package dev.bulkhead.platform.remote;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * What a failed published query means to the module that asked, so it cannot tell a remote module
 * from a local one (ADR 0027). The owning module's own refusals are marked by
 * {@link PublishedQueryEndpoint#REFUSED_BY}: a 400 is the {@link IllegalArgumentException} the API
 * documents (the calling module passed a bad argument), any other 4xx the same problem for the client
 * ({@link RemoteRefusal}). Everything else — no connection, no answer within the read timeout, a 5xx, or
 * a 4xx of the endpoint itself such as a refused service token — is a {@link RemoteModuleUnavailable}:
 * the client did nothing wrong.
 */
final class RemoteAnswers {

    private RemoteAnswers() {
    }

    static RuntimeException failure(String module, String query, RestClientException failure) {
        if (failure instanceof RestClientResponseException answered) {
            HttpStatusCode status = answered.getStatusCode();
            boolean refusedByModule = answered.getResponseHeaders() != null
                    && answered.getResponseHeaders().containsHeader(PublishedQueryEndpoint.REFUSED_BY);
            if (status.is4xxClientError() && refusedByModule) {
                return refusal(query, answered);
            }
            return new RemoteModuleUnavailable(module, query + " answered " + status.value(), failure);
        }
        String reason = failure instanceof ResourceAccessException ? "did not answer" : "failed";
        return new RemoteModuleUnavailable(module, query + " " + reason + ": " + failure.getMessage(), failure);
    }

    private static RuntimeException refusal(String query, RestClientResponseException answered) {
        ProblemDetail problem = problemOf(answered);
        if (answered.getStatusCode().value() == 400) {
            return new IllegalArgumentException(query + " refused its arguments: " + problem.getDetail());
        }
        return new RemoteRefusal(answered.getStatusCode(), problem);
    }

    private static ProblemDetail problemOf(RestClientResponseException answered) {
        ProblemDetail problem = null;
        try {
            problem = answered.getResponseBodyAs(ProblemDetail.class);
        } catch (RuntimeException unreadable) {
            // not a problem document: the status alone says what happened
        }
        return problem != null ? problem : ProblemDetail.forStatus(answered.getStatusCode());
    }
}
