package dev.bulkhead.platform.events;

import dev.bulkhead.platform.ClusterLock;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps every event publication moving until it completes or is parked (ADR 0010). Each run, on
 * one instance at a time:
 * <ol>
 * <li>(on every instance, before the lock) records what this instance's deliveries could not write while the
 * database was away ({@link UnrecordedOutcomes}, ADR 0035);</li>
 * <li>fails deliveries left unfinished longer than {@code stale-after}: their instance stopped or
 * crashed (this is how publications of a dead instance are picked up, on restart or by a survivor);</li>
 * <li>resubmits failed publications whose exponential back-off has elapsed, unless they failed
 * {@code max-attempts} times: those stay FAILED, parked, until an operator resubmits them.</li>
 * </ol>
 * Resubmission is Spring Modulith's ({@link FailedEventPublications}); Modulith counts the attempt and
 * claims the publication (an update that only one instance wins). Which failed publications are due is
 * {@link DueForRetry}'s decision; finding abandoned deliveries is {@link PublicationRegistry}'s, because
 * Modulith's staleness monitor cannot do it safely yet (ADR 0010). Listeners are idempotent, so a
 * duplicate delivery that slips through changes nothing. Runs at start-up too. Completed publications and settled
 * failure records are pruned by the retention job, in batches ({@link RegistryRetention}, ADR 0033).
 */
@Component
class EventRetryJob {

    static final String JOB = "event-retry";

    /**
     * The most failed publications one run reads. Modulith reads failed publications oldest first and applies
     * the filter after its limit, so parked publications, the oldest, would take the whole of a small read and
     * starve newer failures (spring-modulith#1764): the read has to reach past them. It is bounded all the same,
     * so that an incident's backlog cannot fill the heap (ADR 0024); a run that reads this many says so.
     */
    static final int MOST_FAILED_READ_PER_RUN = 10_000;

    private static final Logger log = LoggerFactory.getLogger(EventRetryJob.class);

    private final PublicationRegistry registry;
    private final InTransactionCompletionRegistry outcomes;
    private final EventSerializer serializer;
    private final FailedEventPublications failed;
    private final EventRetryProperties retry;
    private final ClusterLock clusterLock;
    private final Clock clock;

    EventRetryJob(PublicationRegistry registry, FailedEventPublications failed,
            EventRetryProperties retry, ClusterLock clusterLock, Clock clock, InTransactionCompletionRegistry outcomes,
            EventSerializer serializer) {
        this.registry = registry;
        this.serializer = serializer;
        this.outcomes = outcomes;
        this.failed = failed;
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
        recordUnrecordedOutcomes();
        clusterLock.runExclusively(JOB, this::retryDue);
    }

    /**
     * What this instance's deliveries could not write during an outage ({@link UnrecordedOutcomes}), written now if
     * the database answers: on every instance, outside the cluster-wide lock, because only this instance knows it.
     */
    int recordUnrecordedOutcomes() {
        return outcomes.recordUnrecordedOutcomes(registry, serializer, clock.instant(), retry.staleAfter());
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
        DueForRetry due = new DueForRetry(retry, now);
        failed.resubmit(ResubmissionOptions.defaults().withBatchSize(MOST_FAILED_READ_PER_RUN).withFilter(due));
        if (due.accepted() > 0) {
            log.info("Resubmitted {} failed event publication(s)", due.accepted());
        }
        if (due.read() >= MOST_FAILED_READ_PER_RUN) {
            log.warn("{} or more failed event publications wait (most of them parked, see GET /v1/admin/events); "
                    + "newer failures behind them are retried once operators resubmit the parked ones",
                    MOST_FAILED_READ_PER_RUN);
        }
        return due.accepted();
    }

    /**
     * Resubmits the given failed publications now, whatever their attempts; for operators. Reads every failed
     * publication: an operator's single request must reach the one asked for, however many are parked.
     */
    void resubmit(Set<UUID> ids) {
        failed.resubmit(ResubmissionOptions.defaults().withBatchSize(Integer.MAX_VALUE)
                .withFilter(publication -> ids.contains(publication.getIdentifier())));
    }
}
