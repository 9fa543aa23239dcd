-- One account per user, keyed by the user's id. email, name and active are billing's own copy of
-- the user fields it needs, fed by the user module's events: no reference leaves this schema.
CREATE TABLE accounts
(
    user_id       UUID                     NOT NULL PRIMARY KEY,
    email         VARCHAR(254)             NOT NULL,
    name          VARCHAR(200)             NOT NULL,
    active        BOOLEAN                  NOT NULL,
    currency      VARCHAR(3)               NOT NULL,
    balance_minor BIGINT                   NOT NULL,
    opened_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    version       BIGINT                   NOT NULL,
    CONSTRAINT accounts_balance_never_negative CHECK (balance_minor >= 0)
);

-- Append-only: every movement of money, signed (+ top-up/refund, - charge).
CREATE TABLE ledger_entries
(
    id               UUID                     NOT NULL PRIMARY KEY,
    user_id          UUID                     NOT NULL REFERENCES accounts (user_id),
    kind             VARCHAR(16)              NOT NULL CHECK (kind IN ('TOP_UP', 'CHARGE', 'REFUND')),
    amount_minor     BIGINT                   NOT NULL,
    currency         VARCHAR(3)               NOT NULL,
    charge_reference UUID,
    occurred_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ledger_sign_matches_kind CHECK ((kind = 'CHARGE' AND amount_minor < 0) OR (kind <> 'CHARGE' AND amount_minor > 0))
);

CREATE INDEX ledger_entries_by_user ON ledger_entries (user_id, kind, occurred_at DESC);

CREATE FUNCTION ledger_entries_are_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'billing.ledger_entries is append-only: % refused', TG_OP;
END;
$$;

CREATE TRIGGER ledger_entries_append_only
    BEFORE UPDATE OR DELETE ON ledger_entries
    FOR EACH ROW EXECUTE FUNCTION ledger_entries_are_append_only();

-- The outcome of each charge request; one per charge reference, so a redelivered request charges nothing more.
CREATE TABLE payments
(
    id               UUID                     NOT NULL PRIMARY KEY,
    charge_reference UUID                     NOT NULL UNIQUE,
    user_id          UUID                     NOT NULL,
    amount_minor     BIGINT                   NOT NULL CHECK (amount_minor >= 0),
    currency         VARCHAR(3)               NOT NULL,
    status           VARCHAR(16)              NOT NULL CHECK (status IN ('COMPLETED', 'FAILED')),
    failure_reason   VARCHAR(32),
    occurred_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX payments_by_user ON payments (user_id, occurred_at DESC);
