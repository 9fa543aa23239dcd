-- How far each of billing's paged jobs (the user-copy reconciliation) got: written in the same transaction as the
-- page it records, so a crash resumes at the next page and repeats none that committed (ADR 0034).
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
