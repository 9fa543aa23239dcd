package dev.bulkhead.order;

import dev.bulkhead.billing.RefundRequest;
import dev.bulkhead.kernel.IntegrationEvent;
import dev.bulkhead.kernel.Money;
import dev.bulkhead.user.UserId;
import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;

/**
 * A paid order was cancelled by its customer; the order waits for its money to come back. It is
 * billing's {@link RefundRequest}: billing refunds the charge made for the order.
 */
@DomainEvent
public record OrderCancelled(UUID eventId, OrderId orderId, UserId userId, Money total, Instant occurredAt, int version)
        implements RefundRequest, IntegrationEvent {

    public static final int VERSION = 1;

    public OrderCancelled(UUID eventId, OrderId orderId, UserId userId, Money total, Instant occurredAt) {
        this(eventId, orderId, userId, total, occurredAt, VERSION);
    }

    @Override
    public UUID aggregateId() {
        return orderId.value();
    }

    @Override
    public UUID chargeReference() {
        return orderId.value();
    }

    @Override
    public UserId payer() {
        return userId;
    }

    @Override
    public Money amount() {
        return total;
    }
}
