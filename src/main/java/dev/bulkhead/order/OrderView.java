package dev.bulkhead.order;

import dev.bulkhead.kernel.Money;
import dev.bulkhead.user.UserId;
import java.time.Instant;
import java.util.List;

/** An order as other modules and clients see it, with its timeline oldest first. */
public record OrderView(OrderId id, UserId userId, OrderStatus status, Money total, List<Line> lines,
        Instant placedAt, List<Transition> timeline) {

    /** @param unitPrice in the order's currency */
    public record Line(String sku, int quantity, Money unitPrice) {
    }

    /**
     * One step of the order's life.
     *
     * @param from null for the first step
     * @param cause what moved the order: the request or the event type
     * @param causeEventId the id of that event, when an event caused it
     */
    public record Transition(OrderStatus from, OrderStatus to, Instant at, String cause, java.util.UUID causeEventId) {
    }
}
