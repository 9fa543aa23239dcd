package dev.bulkhead.order;

import dev.bulkhead.billing.RefundRequest;
import dev.bulkhead.kernel.IntegrationEvent;
import dev.bulkhead.kernel.Money;
import dev.bulkhead.user.UserId;
import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;

/**
 * An order was not paid in time and will not be fulfilled. It is billing's {@link RefundRequest}:
 * if billing charged for the order anyway (a payment on its way when the order expired), it gives
 * the money back; if it has not charged yet, it never will.
 */
@DomainEvent
public record OrderExpired(UUID eventId, OrderId orderId, UserId userId, Money total, Instant occurredAt, int version)
        implements RefundRequest, IntegrationEvent {

    public static final int VERSION = 1;

    public OrderExpired(UUID eventId, OrderId orderId, UserId userId, Money total, Instant occurredAt) {
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
