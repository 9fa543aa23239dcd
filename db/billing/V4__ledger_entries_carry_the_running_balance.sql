-- The ledger becomes a chain: every entry carries its number in the user's ledger (1, 2, 3, ...) and the
-- balance after it. The balance check of V2 then compares the account with the user's latest entry, one
-- index lookup, instead of summing every entry the user ever had at each commit that moves money.
--
-- Why the latest entry's balance_after_minor is the sum of all the user's entries, by induction on entry_no:
--   * entry 1 carries its own amount (set below for existing rows, by ledger_entry_continues_the_chain for new ones);
--   * entry n + 1 carries the balance after entry n plus its own amount, and its number is n + 1: the trigger
--     sets both from the highest-numbered entry it sees, whatever the INSERT supplied;
--   * an insert that did not see entry n (a concurrent transaction not yet committed, or committed after this
--     statement's snapshot) computes a number that is already taken and fails on UNIQUE (user_id, entry_no), so
--     there is exactly one entry per number and no fork in the chain (the application locks the account row
--     before writing entries, so this is only a safety net);
--   * entries are never updated or deleted (ledger_entries_append_only, V1), so a link, once written, stays
--     true: no number is freed, no amount or running balance changes under the chain.
-- Hence balance_after_minor of entry n = sum of the amounts of entries 1..n, and the highest n is every entry.

ALTER TABLE ledger_entries
    ADD COLUMN entry_no            BIGINT,
    ADD COLUMN balance_after_minor BIGINT;

-- Existing entries are numbered per user in the order they happened (ties broken by id). The append-only
-- trigger refuses any UPDATE, so it is off for this backfill only; ALTER TABLE holds an exclusive lock on the
-- table until this migration commits, so nothing else writes or reads entries meanwhile.
ALTER TABLE ledger_entries DISABLE TRIGGER ledger_entries_append_only;

UPDATE ledger_entries e
SET entry_no            = chained.entry_no,
    balance_after_minor = chained.balance_after_minor
FROM (SELECT id,
             row_number() OVER by_user                AS entry_no,
             sum(amount_minor) OVER by_user            AS balance_after_minor
      FROM ledger_entries
      WINDOW by_user AS (PARTITION BY user_id ORDER BY occurred_at, id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) chained
WHERE e.id = chained.id;

ALTER TABLE ledger_entries ENABLE TRIGGER ledger_entries_append_only;

-- The unique index also serves the lookup of a user's latest entry (ORDER BY entry_no DESC LIMIT 1).
-- Every balance the V2 check let commit was >= 0, so the running balances of existing entries are too, unless
-- their occurred_at misstates the order they were written in; this migration then fails on the CHECK below.
ALTER TABLE ledger_entries
    ALTER COLUMN entry_no SET NOT NULL,
    ALTER COLUMN balance_after_minor SET NOT NULL,
    ADD CONSTRAINT ledger_entries_one_per_number_and_user UNIQUE (user_id, entry_no),
    ADD CONSTRAINT ledger_balance_after_never_negative CHECK (balance_after_minor >= 0);

-- Numbers a new entry and carries the running balance forward from the user's latest entry. BEFORE INSERT, so
-- it overrides whatever the INSERT supplied: the application does not write these columns, and no one can forge
-- them. VOLATILE (the default), so within one multi-row INSERT each row sees the rows inserted before it.
CREATE FUNCTION ledger_entry_continues_the_chain() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path FROM CURRENT AS
$$
DECLARE
    previous_no      BIGINT;
    previous_balance BIGINT;
BEGIN
    SELECT entry_no, balance_after_minor INTO previous_no, previous_balance
    FROM ledger_entries
    WHERE user_id = NEW.user_id
    ORDER BY entry_no DESC
    LIMIT 1;
    IF NOT FOUND THEN
        NEW.entry_no := 1;
        NEW.balance_after_minor := NEW.amount_minor;
    ELSE
        NEW.entry_no := previous_no + 1;
        NEW.balance_after_minor := previous_balance + NEW.amount_minor;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER ledger_entries_continue_the_chain
    BEFORE INSERT ON ledger_entries
    FOR EACH ROW EXECUTE FUNCTION ledger_entry_continues_the_chain();

-- Same guarantee as in V2 (at every commit that touches an account or its ledger, the account's balance equals
-- the sum of its entries), now read from the end of the chain. Both deferred constraint triggers of V2 keep
-- calling this function.
CREATE OR REPLACE FUNCTION account_balance_matches_ledger() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path FROM CURRENT AS
$$
DECLARE
    balance    BIGINT;
    ledger_sum BIGINT;
BEGIN
    SELECT balance_minor INTO balance FROM accounts WHERE user_id = NEW.user_id;
    SELECT balance_after_minor INTO ledger_sum
    FROM ledger_entries
    WHERE user_id = NEW.user_id
    ORDER BY entry_no DESC
    LIMIT 1;
    IF NOT FOUND THEN
        ledger_sum := 0;
    END IF;
    IF balance IS DISTINCT FROM ledger_sum THEN
        RAISE EXCEPTION 'balance % of account % differs from the sum % of its ledger entries', balance, NEW.user_id, ledger_sum;
    END IF;
    RETURN NULL;
END;
$$;
