package dev.bulkhead.billing;

import dev.bulkhead.kernel.IntegrationEvent;
import dev.bulkhead.kernel.Money;
import dev.bulkhead.user.UserId;
import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;

/**
 * Billing gave back the money of a completed payment, answering a {@link RefundRequest}: the
 * account holds a REFUND ledger entry ({@code refundId}) for the whole amount of the charge.
 */
@DomainEvent
public record PaymentRefunded(UUID eventId, UUID refundId, UUID paymentId, UUID chargeReference, UserId payer,
        Money amount, Instant occurredAt, int version) implements IntegrationEvent {

    public static final int VERSION = 1;

    public PaymentRefunded(UUID eventId, UUID refundId, UUID paymentId, UUID chargeReference, UserId payer,
            Money amount, Instant occurredAt) {
        this(eventId, refundId, paymentId, chargeReference, payer, amount, occurredAt, VERSION);
    }

    @Override
    public UUID aggregateId() {
        return paymentId;
    }
}
