package dev.bulkhead.history.internal;

import dev.bulkhead.order.OrderStatus;
import dev.bulkhead.user.UserId;
import java.time.Instant;

/**
 * A search of the order history; null fields do not filter.
 *
 * @param text part of the customer's name or email, case-insensitive
 * @param from placed at or after
 * @param to placed before
 */
record OrderHistoryQuery(UserId customer, String text, OrderStatus status, Instant from, Instant to, int page, int size) {
}
