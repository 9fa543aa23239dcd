package dev.bulkhead.platform.web;

import dev.bulkhead.platform.FieldError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies above {@code bulkhead.security.max-request-bytes} (64 KiB) with a 413
 * problem before anything reads them; no endpoint of Bulkhead takes more.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit extends OncePerRequestFilter {

    private final long maxBytes;
    private final ProblemWriter problems;

    RequestSizeLimit(@Value("${bulkhead.security.max-request-bytes:65536}") long maxBytes, ProblemWriter problems) {
        this.maxBytes = maxBytes;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            problems.write(tooLarge(maxBytes), response);
            return;
        }
        chain.doFilter(request, response);
    }

    static ProblemDetail tooLarge(long maxBytes) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "request bodies may hold at most " + maxBytes + " bytes");
        problem.setType(URI.create("about:blank"));
        problem.setTitle("Request too large");
        problem.setProperty("errors", List.of(FieldError.of("body", "larger than " + maxBytes + " bytes")));
        return problem;
    }
}
