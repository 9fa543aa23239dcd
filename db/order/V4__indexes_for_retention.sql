-- The retention job (ADR 0033) deletes the oldest inbox marks and idempotency keys a batch at a time; these let each
-- batch find its rows without reading the table.
CREATE INDEX applied_events_by_time ON applied_events (applied_at);
CREATE INDEX idempotency_keys_by_time ON idempotency_keys (created_at);
