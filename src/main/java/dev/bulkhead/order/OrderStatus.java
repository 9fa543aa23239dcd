package dev.bulkhead.order;

/** Where an order stands in the order → payment saga. */
public enum OrderStatus {
    PENDING_PAYMENT,
    PAID,
    PAYMENT_FAILED
}
