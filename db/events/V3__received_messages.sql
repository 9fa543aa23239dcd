-- Every event accepted from the broker, by its id (ADR 0019): a second message carrying the same id
-- is a replay and is refused. Written in the transaction that hands the event to the local listeners.
CREATE TABLE received_messages
(
    event_id    UUID PRIMARY KEY,
    event_type  TEXT                     NOT NULL,
    key_id      TEXT                     NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL
);
