package dev.bulkhead.platform.remote;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A module hosted in another process refused a published query, as it would have in process (a
 * customer reading someone else's profile: 403): the caller's client gets the same status and the
 * module's problem, as if the module ran here. Only the {@code instance} is left to this process,
 * which fills in the client's own request path rather than the internal one.
 */
class RemoteRefusal extends ErrorResponseException {

    RemoteRefusal(HttpStatusCode status, ProblemDetail problem) {
        super(status, withoutInstance(problem), null);
    }

    private static ProblemDetail withoutInstance(ProblemDetail problem) {
        problem.setInstance(null);
        return problem;
    }
}
