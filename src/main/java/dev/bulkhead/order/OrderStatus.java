package dev.bulkhead.order;

/**
 * Where an order stands in the order → payment saga:
 * <pre>
 * PENDING_PAYMENT ─PaymentCompleted→ PAID ─cancel→ REFUND_PENDING ─PaymentRefunded→ REFUNDED
 *        ├─PaymentFailed→ PAYMENT_FAILED
 *        └─payment timeout→ EXPIRED ─late PaymentCompleted→ REFUND_PENDING ─PaymentRefunded→ REFUNDED
 *                                   └─PaymentRefunded (before the late payment's own event)→ REFUNDED
 * </pre>
 * PAID, PAYMENT_FAILED, EXPIRED and REFUNDED are terminal unless billing reports money that still
 * has to come back.
 */
public enum OrderStatus {
    PENDING_PAYMENT,
    PAID,
    PAYMENT_FAILED,
    /** Cancelled after payment, or paid after expiry: billing is giving the money back. */
    REFUND_PENDING,
    REFUNDED,
    EXPIRED
}
