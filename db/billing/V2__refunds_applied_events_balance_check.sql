-- A payment that was given back.
ALTER TABLE payments DROP CONSTRAINT payments_status_check;
ALTER TABLE payments ADD CONSTRAINT payments_status_check CHECK (status IN ('COMPLETED', 'FAILED', 'REFUNDED'));

-- Whatever the code does: at most one charge and at most one refund per charge reference.
CREATE UNIQUE INDEX ledger_one_charge_per_reference ON ledger_entries (charge_reference) WHERE kind = 'CHARGE';
CREATE UNIQUE INDEX ledger_one_refund_per_reference ON ledger_entries (charge_reference) WHERE kind = 'REFUND';

-- Every event billing applied, recorded in the same transaction as the change it made:
-- a redelivered event finds its row and changes nothing.
CREATE TABLE applied_events
(
    event_id   UUID                     NOT NULL,
    handler    VARCHAR(100)             NOT NULL,
    applied_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (event_id, handler)
);

-- The balance is a cache of the ledger: at every commit that touches an account or its ledger, the
-- account's balance must equal the sum of its entries, or the commit fails. With the CHECK on
-- balance_minor this makes an overdraft or a lost entry impossible to commit.
-- SET search_path FROM CURRENT binds the unqualified names to this schema (Flyway's default schema).
CREATE FUNCTION account_balance_matches_ledger() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path FROM CURRENT AS
$$
DECLARE
    balance    BIGINT;
    ledger_sum BIGINT;
BEGIN
    SELECT balance_minor INTO balance FROM accounts WHERE user_id = NEW.user_id;
    SELECT COALESCE(SUM(amount_minor), 0) INTO ledger_sum FROM ledger_entries WHERE user_id = NEW.user_id;
    IF balance IS DISTINCT FROM ledger_sum THEN
        RAISE EXCEPTION 'balance % of account % differs from the sum % of its ledger entries', balance, NEW.user_id, ledger_sum;
    END IF;
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER accounts_balance_matches_ledger
    AFTER INSERT OR UPDATE ON accounts
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION account_balance_matches_ledger();

CREATE CONSTRAINT TRIGGER ledger_entries_balance_matches_ledger
    AFTER INSERT ON ledger_entries
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION account_balance_matches_ledger();
