package dev.bulkhead.platform.events;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.EventPublication.Status;

/**
 * The retry job's filter for one run (ADR 0010): of the failed publications Spring Modulith reads, oldest first,
 * it lets through those whose back-off has elapsed and that are not parked, at most {@code batch-size} of them.
 * Spring Modulith has the resubmission of failed publications ({@code FailedEventPublications}) but no back-off
 * and no parking, so this is what remains of the platform's retry policy; it reads only Modulith's API, never its
 * table. It counts what it lets through, so one instance serves one run.
 */
final class DueForRetry implements Predicate<EventPublication> {

    private final EventRetryProperties retry;
    private final Instant now;
    private int read;
    private int accepted;

    DueForRetry(EventRetryProperties retry, Instant now) {
        this.retry = retry;
        this.now = now;
    }

    @Override
    public boolean test(EventPublication publication) {
        read++;
        if (accepted >= retry.batchSize() || !isDue(publication)) {
            return false;
        }
        accepted++;
        return true;
    }

    /**
     * Failed, not parked, and its back-off {@code min(max-backoff, initial-backoff × 2ⁿ⁻¹)} after {@code n}
     * deliveries has elapsed since the last resubmission (or the publication). A completed publication is never
     * due: Modulith's query for failed publications reads the status alone, and a late completion may have set
     * the completion date of a row whose status still says FAILED.
     */
    boolean isDue(EventPublication publication) {
        if (publication.isCompleted() || publication.getStatus() != Status.FAILED) {
            return false;
        }
        int attempts = Math.max(publication.getCompletionAttempts(), 1);
        if (retry.parks(attempts)) {
            return false;
        }
        Instant last = publication.getLastResubmissionDate() == null ? publication.getPublicationDate()
                : publication.getLastResubmissionDate();
        return !last.plus(backoffAfter(attempts)).isAfter(now);
    }

    Duration backoffAfter(int attempts) {
        Duration backoff = retry.initialBackoff();
        // doubles until it reaches the cap, so no number of attempts can overflow it
        for (int delivery = 1; delivery < attempts && backoff.compareTo(retry.maxBackoff()) < 0; delivery++) {
            backoff = backoff.multipliedBy(2);
        }
        return backoff.compareTo(retry.maxBackoff()) > 0 ? retry.maxBackoff() : backoff;
    }

    /** How many publications this run let through to be resubmitted. */
    int accepted() {
        return accepted;
    }

    /** How many failed publications Modulith read for this run. */
    int read() {
        return read;
    }
}
