package dev.bulkhead.order;

import dev.bulkhead.billing.ChargeRequest;
import dev.bulkhead.kernel.IntegrationEvent;
import dev.bulkhead.kernel.Money;
import dev.bulkhead.user.UserId;
import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;

/**
 * An order was placed and awaits payment. It is billing's {@link ChargeRequest}: billing charges
 * {@code total} to {@code userId}'s account with the order id as the charge reference.
 */
@DomainEvent
public record OrderPlaced(UUID eventId, OrderId orderId, UserId userId, Money total, Instant occurredAt, int version)
        implements ChargeRequest, IntegrationEvent {

    public static final int VERSION = 1;

    public OrderPlaced(UUID eventId, OrderId orderId, UserId userId, Money total, Instant occurredAt) {
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
