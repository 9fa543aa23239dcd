package dev.bulkhead.order.internal;

import dev.bulkhead.order.OrderStatus;
import dev.bulkhead.order.OrderView;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.util.UUID;

/** One entry of an order's timeline: which status it left, which it reached, and what caused it. */
@Embeddable
class OrderTransition {

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    private OrderStatus from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    private OrderStatus to;

    @Column(name = "occurred_at", nullable = false)
    private Instant at;

    @Column(nullable = false)
    private String cause;

    @Column(name = "cause_event_id")
    private UUID causeEventId;

    protected OrderTransition() {
    }

    OrderTransition(OrderStatus from, OrderStatus to, Instant at, String cause, UUID causeEventId) {
        this.from = from;
        this.to = to;
        this.at = at;
        this.cause = cause;
        this.causeEventId = causeEventId;
    }

    String cause() {
        return cause;
    }

    OrderView.Transition toView() {
        return new OrderView.Transition(from, to, at, cause, causeEventId);
    }
}
