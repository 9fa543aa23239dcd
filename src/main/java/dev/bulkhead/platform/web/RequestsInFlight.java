package dev.bulkhead.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts the HTTP requests this instance is answering, so that background work (a paged job's page, a pruning batch)
 * can start between them instead of in the middle of them (ADR 0042). On two cores a page of a large job takes both,
 * one for the application and one for PostgreSQL; a request that arrives meanwhile waits for a core at every round
 * trip. Counting costs a request one atomic increment and one decrement; nothing on the request path waits here.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class RequestsInFlight extends OncePerRequestFilter {

    /** How often a waiting job looks again: far below a request's own time, far above the cost of looking. */
    private static final long LOOK_EVERY_NANOS = TimeUnit.MICROSECONDS.toNanos(500);

    private final AtomicInteger inFlight = new AtomicInteger();

    /** Whether this thread is answering a request: work run inside one (a synchronous pruning) does not wait for itself. */
    private final ThreadLocal<Boolean> answering = ThreadLocal.withInitial(() -> false);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        inFlight.incrementAndGet();
        answering.set(true);
        try {
            chain.doFilter(request, response);
        } finally {
            answering.remove();
            inFlight.decrementAndGet();
        }
    }

    /** Requests being answered now. */
    public int count() {
        return inFlight.get();
    }

    /**
     * Waits until no request is being answered, or at most {@code atMost}: a steady stream of requests, or one that
     * never ends, slows background work down but cannot stop it. {@code atMost} zero returns at once. Called while
     * answering a request (an operator's synchronous run), it waits for the others only.
     *
     * @return how long it waited
     */
    public Duration awaitNone(Duration atMost) {
        int own = answering.get() ? 1 : 0;
        long start = System.nanoTime();
        long deadline = start + atMost.toNanos();
        while (inFlight.get() > own && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(LOOK_EVERY_NANOS);
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
