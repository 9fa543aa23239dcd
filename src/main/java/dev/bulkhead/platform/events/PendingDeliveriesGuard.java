package dev.bulkhead.platform.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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

    PendingDeliveriesGuard(PendingDeliveries pending, @Value("${bulkhead.events.max-pending-deliveries:2000}") int limit,
            ObjectProvider<MeterRegistry> meters) {
        if (limit < 1) {
            throw new IllegalArgumentException("bulkhead.events.max-pending-deliveries must be at least 1, was " + limit);
        }
        this.pending = pending;
        this.limit = limit;
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
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Busy\",\"status\":503,"
                + "\"detail\":\"" + waiting + " event deliveries are waiting (at most " + limit
                + "); changes are refused until they are done. Retry shortly.\","
                + "\"pendingDeliveries\":" + waiting + ",\"limit\":" + limit + "}");
    }
}
