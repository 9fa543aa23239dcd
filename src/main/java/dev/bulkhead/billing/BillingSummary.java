package dev.bulkhead.billing;

import dev.bulkhead.kernel.Money;
import dev.bulkhead.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An account's balance with its most recent payments (completed and failed) and refunds, newest first. */
public record BillingSummary(UserId userId, boolean active, Money balance, List<Payment> recentPayments,
        List<Refund> recentRefunds) {

    public record Payment(UUID paymentId, UUID chargeReference, Money amount, String status,
            PaymentFailureReason failureReason, Instant occurredAt) {
    }

    public record Refund(UUID refundId, UUID chargeReference, Money amount, Instant occurredAt) {
    }
}
