-- user_id is a user's id held as a value: no foreign key leaves this schema.
CREATE TABLE orders
(
    id          UUID                     NOT NULL PRIMARY KEY,
    user_id     UUID                     NOT NULL,
    status      VARCHAR(32)              NOT NULL CHECK (status IN ('PENDING_PAYMENT', 'PAID', 'PAYMENT_FAILED')),
    currency    VARCHAR(3)               NOT NULL,
    total_minor BIGINT                   NOT NULL CHECK (total_minor >= 0),
    placed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT                   NOT NULL
);

CREATE INDEX orders_by_user ON orders (user_id, placed_at DESC);

CREATE TABLE order_lines
(
    order_id         UUID         NOT NULL REFERENCES orders (id),
    line_no          INT          NOT NULL,
    sku              VARCHAR(64)  NOT NULL,
    quantity         INT          NOT NULL CHECK (quantity > 0),
    unit_price_minor BIGINT       NOT NULL CHECK (unit_price_minor > 0),
    PRIMARY KEY (order_id, line_no)
);

-- The timeline: every status change with what caused it.
CREATE TABLE order_transitions
(
    order_id       UUID                     NOT NULL REFERENCES orders (id),
    seq            INT                      NOT NULL,
    from_status    VARCHAR(32),
    to_status      VARCHAR(32)              NOT NULL,
    occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    cause          VARCHAR(200)             NOT NULL,
    cause_event_id UUID,
    PRIMARY KEY (order_id, seq)
);
