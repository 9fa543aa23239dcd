package dev.bulkhead.platform.web;

import dev.bulkhead.platform.FieldError;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A request body grew past the limit while it was being read (a chunked body announces no length). An
 * {@link IOException}, because that is what a failing body stream may throw: whoever reads the body (Jackson, inside
 * Spring MVC) stops, and the refusal reaches {@link ProblemDetailsAdvice} or {@link RequestSizeLimit} as a cause.
 */
class RequestBodyTooLarge extends IOException {

    private final long maxBytes;

    RequestBodyTooLarge(long maxBytes) {
        super("request body larger than " + maxBytes + " bytes");
        this.maxBytes = maxBytes;
    }

    /** A client's mistake, not a bug: no stack trace to record. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    /** The 413 for this refusal, the same whether the length was announced or counted. */
    ProblemDetail problem() {
        return problem(maxBytes);
    }

    static ProblemDetail problem(long maxBytes) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "request bodies may hold at most " + maxBytes + " bytes");
        problem.setType(URI.create("about:blank"));
        problem.setTitle("Request too large");
        problem.setProperty("errors", List.of(FieldError.of("body", "larger than " + maxBytes + " bytes")));
        return problem;
    }

    /** The refusal somewhere in {@code failure}'s causes, or null. */
    static RequestBodyTooLarge in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyTooLarge tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }
}
