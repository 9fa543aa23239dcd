package dev.bulkhead.billing;

import dev.bulkhead.kernel.IntegrationEvent;
import dev.bulkhead.kernel.Money;
import dev.bulkhead.user.UserId;
import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;

/** Billing charged an account for the given reference. */
@DomainEvent
public record PaymentCompleted(UUID eventId, UUID paymentId, UUID chargeReference, UserId payer, Money amount,
        Instant occurredAt, int version) implements IntegrationEvent {

    public static final int VERSION = 1;

    public PaymentCompleted(UUID eventId, UUID paymentId, UUID chargeReference, UserId payer, Money amount,
            Instant occurredAt) {
        this(eventId, paymentId, chargeReference, payer, amount, occurredAt, VERSION);
    }

    @Override
    public UUID aggregateId() {
        return paymentId;
    }
}
