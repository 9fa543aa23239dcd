package dev.bulkhead.billing;

/** Why billing refused to charge. */
public enum PaymentFailureReason {
    INSUFFICIENT_FUNDS,
    UNKNOWN_ACCOUNT,
    ACCOUNT_DEACTIVATED,
    CURRENCY_MISMATCH
}
