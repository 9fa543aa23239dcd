package dev.bulkhead.platform.jobs;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * How far a run is ahead of the slowest pace its rests may bring it to ({@code bulkhead.jobs.minimum-rate}; ADR 0042,
 * sixth amendment). The run is due to have done {@code minimumRate} items a second since it started here; the time by
 * which it is early is what it may spend resting. A run behind that pace, because its machine is slow or busy, rests
 * not at all until it has caught up.
 */
final class RunPace {

    private final double minimumRate;
    private final LongSupplier nanoTime;
    private final long startedAt;
    private long done;

    private RunPace(double minimumRate, LongSupplier nanoTime) {
        this.minimumRate = minimumRate;
        this.nanoTime = nanoTime;
        this.startedAt = nanoTime.getAsLong();
    }

    /** @param minimumRate items a second; 0 for no floor: every rest is taken in full */
    static RunPace from(int minimumRate, LongSupplier nanoTime) {
        return new RunPace(minimumRate, nanoTime);
    }

    void advanced(long items) {
        done += items;
    }

    /** The rest to take now: {@code wanted}, or less, so that the run keeps at least the minimum rate; never negative. */
    Duration restWithin(Duration wanted) {
        if (minimumRate <= 0 || wanted.isZero()) {
            return wanted;
        }
        long dueAt = startedAt + (long) (done / minimumRate * 1e9);
        long ahead = dueAt - nanoTime.getAsLong();
        return ahead <= 0 ? Duration.ZERO : Duration.ofNanos(Math.min(ahead, wanted.toNanos()));
    }
}
