package dev.bulkhead.history;

import dev.bulkhead.kernel.Money;
import dev.bulkhead.order.OrderId;
import dev.bulkhead.order.OrderStatus;
import dev.bulkhead.user.UserId;
import java.time.Instant;

/**
 * One order as support staff see it: who ordered, where the order stands, and the money taken and
 * given back. Fields are null while the events that carry them are still on their way.
 */
public record OrderHistoryEntry(OrderId orderId, UserId userId, String customerName, String customerEmail,
        OrderStatus status, Money total, Money paid, Money refunded, String failureReason, Instant placedAt) {
}
