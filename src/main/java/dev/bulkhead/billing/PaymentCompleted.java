package dev.bulkhead.billing;

import dev.bulkhead.kernel.Money;
import dev.bulkhead.user.UserId;
import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;

/** Billing charged an account for the given reference. */
@DomainEvent
public record PaymentCompleted(UUID eventId, UUID paymentId, UUID chargeReference, UserId payer, Money amount,
        Instant occurredAt) {
}
