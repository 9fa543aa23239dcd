package dev.bulkhead.platform.events;

import dev.bulkhead.platform.web.ProblemWriter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses new changes with 503 and {@code Retry-After} while too many event deliveries wait
 * ({@code bulkhead.events.max-pending-deliveries}, ADR 0024). Every change publishes events whose deliveries
 * wait in memory until a listener thread takes them; under an overload that backlog would grow until the heap
 * runs out. Refusing at the door keeps it bounded, and what was accepted still completes. Reads and the
 * operators' endpoints ({@code /v1/admin/}) are always served.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class PendingDeliveriesGuard extends OncePerRequestFilter {

    private final PendingDeliveries pending;
    private final int limit;
    private final Counter refused;
    private final ProblemWriter problems;

    PendingDeliveriesGuard(PendingDeliveries pending, DeliveryBacklogProperties backlog,
            ObjectProvider<MeterRegistry> meters, ProblemWriter problems) {
        this.pending = pending;
        this.limit = backlog.maxPendingDeliveries();
        this.problems = problems;
        MeterRegistry registry = meters.getIfAvailable();
        this.refused = registry == null ? null : Counter.builder("bulkhead.events.changes.refused")
                .description("changes refused with 503 because too many event deliveries were waiting").register(registry);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean change = !(HttpMethod.GET.matches(method) || HttpMethod.HEAD.matches(method) || HttpMethod.OPTIONS.matches(method));
        return !change || !path.startsWith("/v1/") || path.startsWith("/v1/admin/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        int waiting = pending.count();
        if (waiting < limit) {
            chain.doFilter(request, response);
            return;
        }
        if (refused != null) {
            refused.increment();
        }
        ProblemDetail busy = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, waiting
                + " event deliveries are waiting (at most " + limit + "); changes are refused until they are done. Retry shortly.");
        busy.setType(URI.create("about:blank"));
        busy.setTitle("Busy");
        busy.setProperty("pendingDeliveries", waiting);
        busy.setProperty("limit", limit);
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        problems.write(busy, response);
    }
}
