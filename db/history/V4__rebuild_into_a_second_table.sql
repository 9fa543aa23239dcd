-- A rebuild fills a second table while readers go on reading the first, and one short transaction then points the
-- readers at the new one (ADR 0034). The application's role does not own the tables, so it cannot rename them
-- (ADR 0025): a one-row pointer says which table is the read model and which, during a rebuild, is being built.
CREATE TABLE orders_alternate
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

CREATE INDEX orders_alternate_by_customer ON orders_alternate (user_id, placed_at DESC);
CREATE INDEX orders_alternate_by_status ON orders_alternate (status, placed_at DESC);
CREATE INDEX orders_alternate_by_placed ON orders_alternate (placed_at DESC);

-- which table readers read (active), and which a running rebuild fills (building), which the projection writes too
CREATE TABLE read_model_tables
(
    projection VARCHAR(64) NOT NULL PRIMARY KEY,
    active     VARCHAR(32) NOT NULL CHECK (active IN ('orders', 'orders_alternate')),
    building   VARCHAR(32) CHECK (building IN ('orders', 'orders_alternate')),
    CHECK (building IS NULL OR building <> active)
);

INSERT INTO read_model_tables (projection, active, building) VALUES ('order-history', 'orders', NULL);

-- How far each of the module's paged jobs (the rebuild, the reconciliation) got: written in the same transaction as
-- the page it records, so a crash resumes at the next page and repeats none that committed (ADR 0034).
CREATE TABLE job_checkpoints
(
    job_name       VARCHAR(64)              NOT NULL PRIMARY KEY,
    state          VARCHAR(16)              NOT NULL,
    cursor_after   VARCHAR(200),
    done           BIGINT                   NOT NULL DEFAULT 0,
    drifted        BIGINT                   NOT NULL DEFAULT 0,
    repaired       BIGINT                   NOT NULL DEFAULT 0,
    total          BIGINT                   NOT NULL DEFAULT 0,
    started_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at    TIMESTAMP WITH TIME ZONE,
    stop_requested BOOLEAN                  NOT NULL DEFAULT false,
    last_error     VARCHAR(500)
);
