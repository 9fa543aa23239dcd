package dev.bulkhead.platform;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A paged job's progress, as the admin endpoints show it.
 *
 * @param done items handled in this run (across resumes)
 * @param total the estimate of the run's items
 * @param ratePerSecond items per second since this instance started or resumed the run
 * @param eta the time left at that rate; null when not running or unknown
 * @param drifted items found to differ from their source of truth in this run
 * @param repaired drifted items repaired in this run
 */
public record JobView(String name, JobState state, long done, long total, double ratePerSecond, @Nullable Duration eta,
        @Nullable Instant startedAt, @Nullable Instant finishedAt, @Nullable String lastError, long drifted, long repaired) {
}
