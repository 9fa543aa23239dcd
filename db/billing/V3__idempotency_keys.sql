-- Idempotency-Key of creating requests: the first request's result, kept with its key, so a retry
-- gets the same answer and creates nothing.
CREATE TABLE idempotency_keys
(
    caller       VARCHAR(100)             NOT NULL,
    key          VARCHAR(200)             NOT NULL,
    request_hash VARCHAR(64)              NOT NULL,
    result_json  TEXT,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    PRIMARY KEY (caller, key)
);
