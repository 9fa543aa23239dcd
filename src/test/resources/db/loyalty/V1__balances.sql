-- The loyalty module (test sources only): the schema itself is created by provisioning, owned by the
-- module's owner role; this migration runs as that role.
CREATE TABLE balances (
    customer_id uuid PRIMARY KEY,
    points      bigint NOT NULL CHECK (points >= 0)
);
