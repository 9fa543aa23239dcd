package dev.bulkhead.order;

import dev.bulkhead.billing.ChargeRequest;
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
public record OrderPlaced(UUID eventId, OrderId orderId, UserId userId, Money total, Instant occurredAt)
        implements ChargeRequest {

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
