package dev.bulkhead.billing;

import dev.bulkhead.kernel.Money;
import dev.bulkhead.user.UserId;
import java.util.UUID;

/**
 * Billing's published language for "please charge this": an event of another module that billing
 * should turn into a payment implements this interface, and billing listens to the interface, not
 * to the other module's type. Billing therefore depends on no module that asks it for money, and
 * the order module can still listen to billing's outcome events without creating a cycle.
 */
public interface ChargeRequest {

    /** The id of the event asking for the charge. */
    UUID eventId();

    /** What the charge is for, such as an order id; at most one payment is made per reference. */
    UUID chargeReference();

    /** Whose account to charge. */
    UserId payer();

    /** How much; never negative. */
    Money amount();
}
