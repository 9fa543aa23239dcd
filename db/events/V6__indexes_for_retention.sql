-- The retention job (ADR 0033) deletes the oldest failure records and received-message ids a batch at a time; these
-- let each batch find its rows without reading the table. Completed publications have theirs (completion_date, V1).
CREATE INDEX publication_failures_by_time ON publication_failures (failed_at);
CREATE INDEX received_messages_by_time ON received_messages (received_at);
