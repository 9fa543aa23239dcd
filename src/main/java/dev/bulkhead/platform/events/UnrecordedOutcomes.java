package dev.bulkhead.platform.events;

import java.time.Duration;
import java.time.Instant;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;

/**
 * What happened to deliveries while the registry could not be told, kept in memory and told again once the
 * database answers (ADR 0035). Without it a delivery interrupted by an outage stays unfinished in the registry
 * until the sweep of abandoned deliveries takes it for abandoned ({@code stale-after}, a minute), although its
 * instance knows at once what became of it:
 * <ul>
 * <li>its listener failed, and marking it FAILED failed too (the delivery's connection and the registry's broke
 * together): recorded as FAILED later, then retried on the normal back-off;</li>
 * <li>its listener's transaction, which had marked it completed (ADR 0021), failed at its commit: Modulith forgot
 * the delivery with that mark and has nothing to fail, so it is failed here, by its event and listener, if the
 * commit did not happen after all;</li>
 * <li>it completed without a transaction of its own (the broker externalizer) and the completion could not be
 * written: recorded as completed later, so the broker is not sent the event twice;</li>
 * <li>a transaction that published events failed at its commit, so that nobody knows whether it committed:
 * its publications, if they exist, were never handed to their listeners (those run only after a commit seen to
 * succeed), so each is failed if it is still unfinished, and the retry job delivers it. One not found is asked for
 * again on every run until it shows up or {@code stale-after} passes: a COMMIT sent before a stall reaches PostgreSQL
 * when the link moves again, and may land after the first look.</li>
 * </ul>
 * Bounded, like every backlog of an instance (ADR 0024): past {@value #MOST_KEPT} outcomes, or once an outcome is
 * older than {@code stale-after}, it is left to the sweep of abandoned deliveries, which finds it anyway.
 */
final class UnrecordedOutcomes {

    static final int MOST_KEPT = 10_000;

    private static final Logger log = LoggerFactory.getLogger(UnrecordedOutcomes.class);

    private final Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final AtomicInteger count = new AtomicInteger();

    void failed(Object event, PublicationTargetIdentifier listener) {
        add(new Failed(event, listener, Instant.now()));
    }

    void completed(Object event, PublicationTargetIdentifier listener) {
        add(new Completed(event, listener, Instant.now()));
    }

    void completionRolledBack(Object event, PublicationTargetIdentifier listener) {
        add(new CompletionRolledBack(event, listener, Instant.now()));
    }

    void commitUnknown(UUID publication) {
        add(new CommitUnknown(publication, Instant.now()));
    }

    int size() {
        return count.get();
    }

    private void add(Outcome outcome) {
        if (count.incrementAndGet() > MOST_KEPT) {
            count.decrementAndGet();
            log.warn("{} event delivery outcomes already wait for the database; {} is left to the sweep of abandoned deliveries",
                    MOST_KEPT, outcome);
            return;
        }
        outcomes.add(outcome);
    }

    /**
     * Tells the registry every outcome it missed, until the first that fails again (the database is still away). An
     * outcome that cannot be settled yet (a publication whose transaction may still commit) is kept for the next call.
     *
     * @return how many were recorded
     */
    int recordAll(EventPublicationRegistry registry, PublicationRegistry publications, EventSerializer serializer, Instant now,
            Duration staleAfter) {
        int recorded = 0;
        for (int left = count.get(); left > 0; left--) {
            Outcome next = outcomes.poll();
            if (next == null) {
                break;
            }
            if (next.noted().plus(staleAfter).isBefore(now)) {
                count.decrementAndGet();
                next.givenUp();
                continue;
            }
            boolean settled;
            try {
                settled = next.record(registry, publications, serializer);
            } catch (RuntimeException stillUnavailable) {
                outcomes.add(next);
                log.debug("Could not record {} yet", next, stillUnavailable);
                break;
            }
            if (!settled) {
                outcomes.add(next);
                continue;
            }
            count.decrementAndGet();
            recorded++;
        }
        if (recorded > 0) {
            log.info("Recorded {} event delivery outcome(s) that an outage had kept from the registry", recorded);
        }
        return recorded;
    }

    private sealed interface Outcome permits Failed, CompletionRolledBack, Completed, CommitUnknown {

        Instant noted();

        /** @return whether the outcome is settled; false: not knowable yet, ask again on the next run */
        boolean record(EventPublicationRegistry registry, PublicationRegistry publications, EventSerializer serializer);

        /** Kept past {@code stale-after}: the sweep of abandoned deliveries takes over whatever is left. */
        default void givenUp() {
            log.warn("Gave up recording {}: the sweep of abandoned deliveries takes it over", this);
        }
    }

    private record Failed(Object event, PublicationTargetIdentifier listener, Instant noted) implements Outcome {

        @Override
        public boolean record(EventPublicationRegistry registry, PublicationRegistry publications, EventSerializer serializer) {
            registry.markFailed(event, listener);
            return true;
        }

        @Override
        public String toString() {
            return "the failed delivery of " + event.getClass().getSimpleName() + " to " + listener.getValue();
        }
    }

    private record CompletionRolledBack(Object event, PublicationTargetIdentifier listener, Instant noted) implements Outcome {

        @Override
        public boolean record(EventPublicationRegistry registry, PublicationRegistry publications, EventSerializer serializer) {
            // the row exists (its publisher committed long ago); a late commit of the listener's transaction holds its
            // row lock until it ends, and this update then finds it completed
            publications.markFailedIfIncomplete(serializer.serialize(event).toString(), listener.getValue());
            return true;
        }

        @Override
        public String toString() {
            return "the delivery of " + event.getClass().getSimpleName() + " to " + listener.getValue() + " whose commit failed";
        }
    }

    private record Completed(Object event, PublicationTargetIdentifier listener, Instant noted) implements Outcome {

        @Override
        public boolean record(EventPublicationRegistry registry, PublicationRegistry publications, EventSerializer serializer) {
            registry.markCompleted(event, listener);
            return true;
        }

        @Override
        public String toString() {
            return "the completed delivery of " + event.getClass().getSimpleName() + " to " + listener.getValue();
        }
    }

    private record CommitUnknown(UUID publication, Instant noted) implements Outcome {

        @Override
        public boolean record(EventPublicationRegistry registry, PublicationRegistry publications, EventSerializer serializer) {
            // Not there: rolled back, or its commit is still on its way. A COMMIT the server received after the client
            // gave up on its answer (a stalled link) lands whenever the link moves again, possibly after this update,
            // which does not wait for an insert it cannot see. So it is asked again until the row shows up or
            // stale-after passes.
            return publications.markFailedIfIncomplete(publication) || publications.exists(publication);
        }

        /** Never seen within stale-after: its transaction rolled back, which is what it usually does. */
        @Override
        public void givenUp() {
            log.debug("{} never appeared: its transaction rolled back", this);
        }

        @Override
        public String toString() {
            return "publication " + publication + " of a transaction whose commit failed";
        }
    }
}
