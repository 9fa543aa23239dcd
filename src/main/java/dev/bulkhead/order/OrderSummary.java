package dev.bulkhead.order;

import dev.bulkhead.kernel.Money;
import dev.bulkhead.user.UserId;
import java.time.Instant;

/**
 * An order without its lines and timeline: what a copy of the orders kept elsewhere (the order history) needs, and
 * cheap enough to read a thousand at a time.
 *
 * @param statusAt when the order reached its status: its timeline's last step
 */
public record OrderSummary(OrderId id, UserId userId, OrderStatus status, Instant statusAt, Money total, Instant placedAt) {
}
