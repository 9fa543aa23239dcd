package dev.bulkhead.billing;

/** Why billing refused to charge. */
public enum PaymentFailureReason {
    INSUFFICIENT_FUNDS,
    UNKNOWN_ACCOUNT,
    ACCOUNT_DEACTIVATED,
    CURRENCY_MISMATCH,
    /** A {@link RefundRequest} for the reference arrived first: the charge was withdrawn before it was made. */
    WITHDRAWN
}
