package dev.bulkhead.platform.jobs;

import dev.bulkhead.platform.JobState;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A job's row in its module's {@code job_checkpoints}: how far the current (or last) run got. */
record JobCheckpoint(String name, JobState state, @Nullable String cursor, long done, long drifted, long repaired, long total,
        Instant startedAt, @Nullable Instant finishedAt, boolean stopRequested, @Nullable String lastError) {

    /** A run that ended before its last page (crash, failure, stop) resumes from here. */
    boolean resumable() {
        return state != JobState.COMPLETED;
    }
}
