package dev.bulkhead.order;

import dev.bulkhead.kernel.IntegrationEvent;
import dev.bulkhead.kernel.Money;
import dev.bulkhead.user.UserId;
import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;

/**
 * An order moved from one status to another; published with every entry of the order's timeline,
 * so read models can follow orders without repeating the order module's rules.
 *
 * @param cause what moved the order: the request or the event type, as in the timeline
 */
@DomainEvent
public record OrderStatusChanged(UUID eventId, OrderId orderId, UserId userId, OrderStatus from, OrderStatus to,
        Money total, String cause, Instant occurredAt, int version) implements IntegrationEvent {

    public static final int VERSION = 1;

    public OrderStatusChanged(UUID eventId, OrderId orderId, UserId userId, OrderStatus from, OrderStatus to, Money total,
            String cause, Instant occurredAt) {
        this(eventId, orderId, userId, from, to, total, cause, occurredAt, VERSION);
    }

    @Override
    public UUID aggregateId() {
        return orderId.value();
    }
}
