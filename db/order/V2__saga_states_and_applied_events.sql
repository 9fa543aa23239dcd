-- The saga's further states: a cancelled or late-paid order waits for its refund; an unpaid one expires.
ALTER TABLE orders DROP CONSTRAINT orders_status_check;
ALTER TABLE orders ADD CONSTRAINT orders_status_check
    CHECK (status IN ('PENDING_PAYMENT', 'PAID', 'PAYMENT_FAILED', 'REFUND_PENDING', 'REFUNDED', 'EXPIRED'));

-- The expiry job looks for the oldest orders still waiting for payment.
CREATE INDEX orders_pending_by_age ON orders (placed_at) WHERE status = 'PENDING_PAYMENT';

-- Every event the order module applied, recorded in the same transaction as the change it made:
-- a redelivered event finds its row and changes nothing.
CREATE TABLE applied_events
(
    event_id   UUID                     NOT NULL,
    handler    VARCHAR(100)             NOT NULL,
    applied_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (event_id, handler)
);
