package dev.bulkhead.billing;

import dev.bulkhead.kernel.IntegrationEvent;
import dev.bulkhead.kernel.Money;
import dev.bulkhead.user.UserId;
import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;

/** Billing refused a charge for the given reference; nothing was taken from the account. */
@DomainEvent
public record PaymentFailed(UUID eventId, UUID paymentId, UUID chargeReference, UserId payer, Money amount,
        PaymentFailureReason reason, Instant occurredAt, int version) implements IntegrationEvent {

    public static final int VERSION = 1;

    public PaymentFailed(UUID eventId, UUID paymentId, UUID chargeReference, UserId payer, Money amount,
            PaymentFailureReason reason, Instant occurredAt) {
        this(eventId, paymentId, chargeReference, payer, amount, reason, occurredAt, VERSION);
    }

    @Override
    public UUID aggregateId() {
        return paymentId;
    }
}
