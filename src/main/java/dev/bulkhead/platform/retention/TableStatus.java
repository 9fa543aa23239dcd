package dev.bulkhead.platform.retention;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One retained table as the admin view shows it. The figures are this instance's: {@code lastRunAt} is empty until
 * this instance has pruned (another instance may have), {@code prunedTotal} counts since this instance started.
 *
 * @param keptFor the window, an ISO-8601 duration
 * @param left the rows in the table after the last run (exact below {@value dev.bulkhead.platform.TableRows#EXACT_BELOW}, the
 *     planner's estimate above)
 */
record TableStatus(String module, String table, String keptFor, @Nullable Instant lastRunAt, long prunedLastRun,
        long prunedTotal, @Nullable Long left) {
}
