package dev.bulkhead.platform;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A client's request that a module refuses, rendered as an RFC 9457 problem. When a single field
 * is at fault, the problem's {@code errors} list names it with the reason, in the same shape as
 * validation failures.
 */
public class RejectedRequest extends ErrorResponseException {

    private RejectedRequest(HttpStatus status, String title, String detail, String field) {
        super(status, problem(status, title, detail, field), null);
    }

    /** 404: the resource named in the path does not exist. */
    public static RejectedRequest notFound(String what, Object id) {
        return new RejectedRequest(HttpStatus.NOT_FOUND, "Not found", "No " + what + " with id " + id, null);
    }

    /** 403: the caller may not do this to this resource. */
    public static RejectedRequest forbidden(String reason) {
        return new RejectedRequest(HttpStatus.FORBIDDEN, "Forbidden", reason, null);
    }

    /** 422: the same idempotency key came with a different request. */
    public static RejectedRequest idempotencyKeyReused() {
        return new RejectedRequest(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency key reused",
                "this Idempotency-Key was already used for a different request", "Idempotency-Key");
    }

    /** 409: the request clashes with the current state, for example a duplicate unique value. */
    public static RejectedRequest conflict(String field, String reason) {
        return new RejectedRequest(HttpStatus.CONFLICT, "Conflict", reason, field);
    }

    /** 422: well-formed, but refers to something that cannot be used for this request. */
    public static RejectedRequest unprocessable(String field, String reason) {
        return new RejectedRequest(HttpStatus.UNPROCESSABLE_CONTENT, "Request cannot be processed", reason, field);
    }

    /** 400: a value the request carries is invalid. */
    public static RejectedRequest badRequest(String field, String reason) {
        return new RejectedRequest(HttpStatus.BAD_REQUEST, "Invalid request", reason, field);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        if (field != null) {
            problem.setProperty("errors", List.of(FieldError.of(field, detail)));
        }
        return problem;
    }
}
