package dev.bulkhead.platform.remote;

import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The process hosting a module gave no usable answer to a published query: it was down, slower than
 * the read timeout, failed (5xx), or refused this process itself (its service token) rather than the
 * request. The client gets a 503 problem naming the module, with {@code Retry-After}: nothing it sent was wrong,
 * and the dashboard shows such a part as unavailable.
 */
public class RemoteModuleUnavailable extends ErrorResponseException {

    private final String reason;

    RemoteModuleUnavailable(String module, String reason, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(module), cause);
        this.reason = reason;
        // the other process restarts or recovers by itself: the client may ask again shortly (ADR 0035)
        getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
    }

    private static ProblemDetail problem(String module) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The " + module + " module did not answer. Retry shortly.");
        problem.setTitle("Module unavailable");
        problem.setType(URI.create("about:blank"));
        problem.setProperty("dependency", "module");
        problem.setProperty("module", module);
        return problem;
    }

    /** Why, for logs and the dashboard; the client's problem only says that the module did not answer. */
    @Override
    public String getMessage() {
        return reason;
    }
}
