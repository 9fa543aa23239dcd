package dev.bulkhead.history.internal;

import dev.bulkhead.history.OrderHistoryEntry;
import dev.bulkhead.order.OrderStatus;
import dev.bulkhead.platform.Caller;
import dev.bulkhead.platform.RejectedRequest;
import dev.bulkhead.platform.JobView;
import dev.bulkhead.platform.Jobs;
import dev.bulkhead.user.UserId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class OrderHistoryController {

    static final int MAX_PAGE_SIZE = 100;

    private final OrderHistoryStore store;
    private final Jobs jobs;
    private final OrderHistoryRebuild rebuild;

    OrderHistoryController(OrderHistoryStore store, Jobs jobs, OrderHistoryRebuild rebuild) {
        this.store = store;
        this.jobs = jobs;
        this.rebuild = rebuild;
    }

    /**
     * Orders newest first, filtered by customer id, part of the customer's name or email, status
     * and a date range (placed at or after from, and before to).
     */
    @GetMapping("/v1/support/order-history")
    @Transactional(readOnly = true)
    List<OrderHistoryEntry> search(@RequestParam(required = false) UUID customer,
            @RequestParam(required = false) @Size(min = 2, max = 100) String q,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        Caller.requireStaff("the order history");
        if (from != null && to != null && !from.isBefore(to)) {
            throw RejectedRequest.badRequest("to", "must be after 'from'");
        }
        return store.search(new OrderHistoryQuery(customer == null ? null : new UserId(customer), q, statusOf(status), from, to,
                page, size));
    }

    @GetMapping("/v1/admin/read-models/order-history")
    @Transactional(readOnly = true)
    Map<String, Object> state() {
        return store.state();
    }

    /** Starts the rebuild in the background (ADR 0034); its progress is at {@code GET /v1/admin/jobs/history.rebuild}. */
    @PostMapping("/v1/admin/read-models/order-history/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    JobView rebuild() {
        return jobs.start(rebuild.name());
    }

    private static @Nullable OrderStatus statusOf(@Nullable String status) {
        if (status == null) {
            return null;
        }
        try {
            return OrderStatus.valueOf(status);
        } catch (IllegalArgumentException unknown) {
            throw RejectedRequest.badRequest("status", "'" + status + "' is not one of " + Arrays.toString(OrderStatus.values()));
        }
    }
}
