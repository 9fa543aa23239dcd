package dev.bulkhead.billing;

import dev.bulkhead.kernel.Money;
import java.util.UUID;

/**
 * The outcome of a charge request as billing knows it.
 *
 * @param completed whether the money was taken
 * @param refunded how much of it went back (zero when nothing did)
 * @param failureReason why the charge was refused; null when it completed
 */
public record ChargeView(UUID chargeReference, boolean completed, Money amount, Money refunded,
        PaymentFailureReason failureReason) {
}
