package dev.bulkhead.platform.jobs;

import dev.bulkhead.platform.JobState;
import dev.bulkhead.platform.JobView;
import dev.bulkhead.platform.PagedJob;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What this instance knows of one job while and after running it: counts, when it started and the rate since this
 * instance took it up, for the admin endpoints and the progress log. The checkpoint in the database is the truth
 * across instances; this is its live picture here.
 */
final class JobProgress {

    private final String name;
    private JobState state = JobState.IDLE;
    private long done;
    private long total;
    private long drifted;
    private long repaired;
    private long doneWhenTakenUp;
    private @Nullable Instant takenUpAt;
    private @Nullable Instant startedAt;
    private @Nullable Instant finishedAt;
    private @Nullable String lastError;
    private boolean stopRequested;

    JobProgress(String name) {
        this.name = name;
    }

    synchronized boolean active() {
        return state == JobState.RUNNING || state == JobState.STOPPING;
    }

    synchronized boolean seenHere() {
        return state != JobState.IDLE;
    }

    /** The lock is taken: the job runs here from now on. */
    synchronized void takenUp(Instant now) {
        state = JobState.RUNNING;
        stopRequested = false;
        lastError = null;
        finishedAt = null;
        takenUpAt = now;
        startedAt = now;
        done = 0;
        doneWhenTakenUp = 0;
    }

    synchronized void running(JobCheckpoint checkpoint, Instant now) {
        done = checkpoint.done();
        drifted = checkpoint.drifted();
        repaired = checkpoint.repaired();
        total = checkpoint.total();
        startedAt = checkpoint.startedAt();
        doneWhenTakenUp = done;
        takenUpAt = now;
    }

    synchronized void advanced(PagedJob.Applied applied) {
        done += applied.done();
        drifted += applied.drifted();
        repaired += applied.repaired();
        total = Math.max(total, done);
    }

    synchronized void requestStop() {
        if (active()) {
            stopRequested = true;
            state = JobState.STOPPING;
        }
    }

    synchronized boolean stopRequested() {
        return stopRequested;
    }

    synchronized void ended(JobState end, @Nullable String error, Instant now) {
        state = end;
        lastError = error;
        finishedAt = now;
        stopRequested = false;
    }

    synchronized JobView view(Instant now) {
        double rate = rate(now);
        Duration eta = active() && rate > 0 ? Duration.ofSeconds((long) Math.ceil(Math.max(0, total - done) / rate)) : null;
        return new JobView(name, state, done, total, rate, eta, startedAt, finishedAt, lastError, drifted, repaired);
    }

    private double rate(Instant now) {
        if (takenUpAt == null) {
            return 0;
        }
        Instant until = active() || finishedAt == null ? now : finishedAt;
        double seconds = Duration.between(takenUpAt, until).toNanos() / 1e9;
        return seconds <= 0 ? 0 : (done - doneWhenTakenUp) / seconds;
    }

    /** The checkpoint's picture, for a job this instance has not run since it started. */
    static JobView of(JobCheckpoint checkpoint) {
        return new JobView(checkpoint.name(), checkpoint.state(), checkpoint.done(), checkpoint.total(), 0, null,
                checkpoint.startedAt(), checkpoint.finishedAt(), checkpoint.lastError(), checkpoint.drifted(), checkpoint.repaired());
    }
}
