package dev.bulkhead.platform.events;

import dev.bulkhead.platform.ClusterLock;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps every event publication moving until it completes or is parked (ADR 0010). Each run, on
 * one instance at a time:
 * <ol>
 * <li>fails deliveries left unfinished longer than {@code stale-after}: their instance stopped or
 * crashed (this is how publications of a dead instance are picked up, on restart or by a survivor);</li>
 * <li>resubmits failed publications whose exponential back-off has elapsed, unless they failed
 * {@code max-attempts} times: those stay FAILED, parked, until an operator resubmits them.</li>
 * </ol>
 * Resubmission goes through Spring Modulith, which counts the attempt and claims the publication
 * (an update that only one instance wins); listeners are idempotent, so a duplicate delivery that
 * slips through changes nothing. Runs at start-up too.
 */
@Component
class EventRetryJob {

    static final String JOB = "event-retry";
    static final String CLEANUP_JOB = "event-cleanup";

    private static final Logger log = LoggerFactory.getLogger(EventRetryJob.class);

    private final PublicationRegistry registry;
    private final IncompleteEventPublications publications;
    private final EventRetryProperties retry;
    private final ClusterLock clusterLock;
    private final Clock clock;

    EventRetryJob(PublicationRegistry registry, IncompleteEventPublications publications, EventRetryProperties retry,
            ClusterLock clusterLock, Clock clock) {
        this.registry = registry;
        this.publications = publications;
        this.retry = retry;
        this.clusterLock = clusterLock;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStartup() {
        clusterLock.runExclusively(JOB, this::retryDue);
    }

    @Scheduled(fixedDelayString = EventRetryProperties.INTERVAL, initialDelayString = EventRetryProperties.INTERVAL)
    void onSchedule() {
        clusterLock.runExclusively(JOB, this::retryDue);
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void cleanUp() {
        clusterLock.runExclusively(CLEANUP_JOB, () -> {
            int deleted = registry.deleteCompletedBefore(clock.instant().minus(retry.keepCompleted()));
            log.info("Deleted {} completed event publication(s) older than {}", deleted, retry.keepCompleted());
        });
    }

    /** One run of the job, without the lock. @return how many publications were resubmitted */
    int retryDue() {
        Instant now = clock.instant();
        int abandoned = registry.failAbandoned(now.minus(retry.staleAfter()), now,
                "abandoned: not completed within " + retry.staleAfter() + " (its instance stopped or crashed)");
        if (abandoned > 0) {
            log.warn("Failed {} event publication(s) abandoned for more than {}; they will be retried", abandoned,
                    retry.staleAfter());
        }
        List<UUID> due = registry.dueForRetry(now, retry);
        if (!due.isEmpty()) {
            resubmit(new HashSet<>(due));
            log.info("Resubmitted {} failed event publication(s)", due.size());
        }
        return due.size();
    }

    /** Resubmits the given incomplete publications, whatever their state; for operators and the job. */
    void resubmit(Set<UUID> ids) {
        publications.resubmitIncompletePublications(publication -> ids.contains(publication.getIdentifier()));
    }
}
