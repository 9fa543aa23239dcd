package dev.bulkhead.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies above {@code bulkhead.security.max-request-bytes} (64 KiB) with a 413 problem; no endpoint
 * of Bulkhead takes more. A body that announces its length is refused before anything reads it. One that does not
 * (chunked) is counted as it is read, and reading it fails once it passes the limit: the endpoint never runs, so
 * nothing is written, and the refusal comes back as the same 413, from {@link ProblemDetailsAdvice} when Spring MVC
 * was reading, from here when something before it was.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@EnableConfigurationProperties(RequestSizeProperties.class)
class RequestSizeLimit extends OncePerRequestFilter {

    private final long maxBytes;
    private final ProblemWriter problems;

    RequestSizeLimit(RequestSizeProperties properties, ProblemWriter problems) {
        this.maxBytes = properties.maxRequestBytes();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long announced = request.getContentLengthLong();
        if (announced > maxBytes) {
            problems.write(RequestBodyTooLarge.problem(maxBytes), response);
            return;
        }
        if (announced >= 0) {
            chain.doFilter(request, response); // the container delivers no more than the announced length
            return;
        }
        try {
            chain.doFilter(new BodyLimitedRequest(request, maxBytes), response);
        } catch (IOException | ServletException | RuntimeException failure) {
            RequestBodyTooLarge tooLarge = RequestBodyTooLarge.in(failure);
            if (tooLarge == null || response.isCommitted()) {
                throw failure;
            }
            response.reset();
            problems.write(tooLarge.problem(), response);
        }
    }
}
