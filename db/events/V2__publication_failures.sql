-- Why deliveries failed. Spring Modulith's registry counts attempts but keeps no error; the platform
-- records one row per failed attempt of a listener, keyed by the event's own id (every event carries
-- eventId), so operators see the error next to the publication. Written outside the failed transaction.
CREATE TABLE publication_failures
(
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id    UUID,
    listener_id TEXT                     NOT NULL,
    failed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    error       TEXT                     NOT NULL
);

CREATE INDEX publication_failures_by_event ON publication_failures (event_id, listener_id, failed_at DESC);

-- The retry job and the operations view read only incomplete publications.
CREATE INDEX event_publication_incomplete_idx ON event_publication (publication_date) WHERE completion_date IS NULL;
