-- The order history read model: a denormalised copy for support staff and reports, fed only by
-- events. Every column but the key may be empty for a moment, because events from different
-- modules can arrive in any order; each event fills in what it knows.
CREATE TABLE orders
(
    order_id       UUID                     NOT NULL PRIMARY KEY,
    user_id        UUID,
    customer_name  VARCHAR(200),
    customer_email VARCHAR(254),
    status         VARCHAR(32),
    status_at      TIMESTAMP WITH TIME ZONE,
    currency       VARCHAR(3),
    total_minor    BIGINT,
    paid_minor     BIGINT                   NOT NULL DEFAULT 0,
    refunded_minor BIGINT                   NOT NULL DEFAULT 0,
    failure_reason VARCHAR(64),
    placed_at      TIMESTAMP WITH TIME ZONE,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX orders_by_customer ON orders (user_id, placed_at DESC);
CREATE INDEX orders_by_status ON orders (status, placed_at DESC);
CREATE INDEX orders_by_placed ON orders (placed_at DESC);

-- the customer fields the read model shows, kept from the user module's events
CREATE TABLE customers
(
    user_id UUID         NOT NULL PRIMARY KEY,
    name    VARCHAR(200) NOT NULL,
    email   VARCHAR(254) NOT NULL
);

-- every event applied once; a redelivered event finds its id here and changes nothing
CREATE TABLE applied_events
(
    event_id   UUID                     NOT NULL PRIMARY KEY,
    event_type VARCHAR(200)             NOT NULL,
    applied_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- how far the projection got: the last event it applied
CREATE TABLE projection_state
(
    projection      VARCHAR(64)              NOT NULL PRIMARY KEY,
    last_event_id   UUID,
    last_event_type VARCHAR(200),
    last_applied_at TIMESTAMP WITH TIME ZONE,
    events_applied  BIGINT                   NOT NULL DEFAULT 0,
    rebuilt_at      TIMESTAMP WITH TIME ZONE
);

INSERT INTO projection_state (projection) VALUES ('order-history');
