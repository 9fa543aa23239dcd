package dev.bulkhead.billing;

import dev.bulkhead.kernel.Money;
import dev.bulkhead.user.UserId;
import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;

/** Billing refused a charge for the given reference; nothing was taken from the account. */
@DomainEvent
public record PaymentFailed(UUID eventId, UUID paymentId, UUID chargeReference, UserId payer, Money amount,
        PaymentFailureReason reason, Instant occurredAt) {
}
