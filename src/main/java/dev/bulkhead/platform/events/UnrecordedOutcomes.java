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
 * succeed), so each is failed if it is still unfinished, and the retry job delivers it.</li>
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
     * Tells the registry every outcome it missed, until the first that fails again (the database is still away).
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
                log.warn("Gave up recording {}: the sweep of abandoned deliveries takes it over", next);
                continue;
            }
            try {
                next.record(registry, publications, serializer);
            } catch (RuntimeException stillUnavailable) {
                outcomes.add(next);
                log.debug("Could not record {} yet", next, stillUnavailable);
                break;
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

        void record(EventPublicationRegistry registry, PublicationRegistry publications, EventSerializer serializer);
    }

    private record Failed(Object event, PublicationTargetIdentifier listener, Instant noted) implements Outcome {

        @Override
        public void record(EventPublicationRegistry registry, PublicationRegistry publications, EventSerializer serializer) {
            registry.markFailed(event, listener);
        }

        @Override
        public String toString() {
            return "the failed delivery of " + event.getClass().getSimpleName() + " to " + listener.getValue();
        }
    }

    private record CompletionRolledBack(Object event, PublicationTargetIdentifier listener, Instant noted) implements Outcome {

        @Override
        public void record(EventPublicationRegistry registry, PublicationRegistry publications, EventSerializer serializer) {
            publications.markFailedIfIncomplete(serializer.serialize(event).toString(), listener.getValue());
        }

        @Override
        public String toString() {
            return "the delivery of " + event.getClass().getSimpleName() + " to " + listener.getValue() + " whose commit failed";
        }
    }

    private record Completed(Object event, PublicationTargetIdentifier listener, Instant noted) implements Outcome {

        @Override
        public void record(EventPublicationRegistry registry, PublicationRegistry publications, EventSerializer serializer) {
            registry.markCompleted(event, listener);
        }

        @Override
        public String toString() {
            return "the completed delivery of " + event.getClass().getSimpleName() + " to " + listener.getValue();
        }
    }

    private record CommitUnknown(UUID publication, Instant noted) implements Outcome {

        @Override
        public void record(EventPublicationRegistry registry, PublicationRegistry publications, EventSerializer serializer) {
            publications.markFailedIfIncomplete(publication);
        }

        @Override
        public String toString() {
            return "publication " + publication + " of a transaction whose commit failed";
        }
    }
}
