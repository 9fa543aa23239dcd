package dev.bulkhead.billing;

import dev.bulkhead.kernel.Money;
import dev.bulkhead.user.UserId;
import java.util.UUID;

/**
 * Billing's published language for "this charge must not stand": an event of another module that
 * asks billing to give money back (or never to take it) implements this interface, as
 * {@link ChargeRequest} does for charges (ADR 0003, ADR 0012). Billing answers per charge reference:
 * <ul>
 * <li>charged and not yet refunded: a REFUND ledger entry and {@link PaymentRefunded};</li>
 * <li>refused before: nothing to give back;</li>
 * <li>not charged yet: the reference is withdrawn, so a charge request arriving later is refused
 * with {@link PaymentFailureReason#WITHDRAWN} and nothing is ever taken.</li>
 * </ul>
 */
public interface RefundRequest {

    /** The id of the event asking for the refund. */
    UUID eventId();

    /** The charge to undo, as given in the {@link ChargeRequest}. */
    UUID chargeReference();

    /** Whose account was (or would be) charged. */
    UserId payer();

    /**
     * The amount of the charge as the requester knows it. A refund always gives back what billing
     * actually charged; this amount is only recorded when the charge is withdrawn before it was made.
     */
    Money amount();
}
