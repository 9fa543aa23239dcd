package dev.bulkhead.platform.events;

import dev.bulkhead.platform.RejectedRequest;
import dev.bulkhead.platform.RetentionWindows;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's view of event deliveries that have not completed: outstanding (in flight),
 * retrying (failed, resubmitted after a back-off) and parked (failed too often; waiting for an
 * operator), each with its age, attempts and last error, and a way to resubmit one. Reads only the
 * {@code events} schema.
 */
@RestController
@RequestMapping("/v1/admin/events")
@Validated
class EventAdminController {

    enum State {
        OUTSTANDING, RETRYING, PARKED, COMPLETED
    }

    private final PublicationRegistry registry;
    private final EventRetryJob retryJob;
    private final EventRetryProperties retry;
    private final RetentionWindows windows;
    private final Clock clock;

    EventAdminController(PublicationRegistry registry, EventRetryJob retryJob, EventRetryProperties retry,
            RetentionWindows windows, Clock clock) {
        this.registry = registry;
        this.windows = windows;
        this.retryJob = retryJob;
        this.retry = retry;
        this.clock = clock;
    }

    /** Unfinished publications, oldest first; {@code state} narrows the list, the counts cover every row read. */
    @GetMapping
    Overview list(@RequestParam(required = false) State state,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        Instant now = clock.instant();
        List<Publication> all = registry.incomplete(limit).stream().map(row -> view(row, now)).toList();
        return new Overview(count(all, State.OUTSTANDING), count(all, State.RETRYING), count(all, State.PARKED),
                all.stream().filter(p -> state == null || p.state() == state).toList());
    }

    @GetMapping("/{id}")
    Publication get(@PathVariable UUID id) {
        return registry.find(id).map(row -> view(row, clock.instant()))
                .orElseThrow(() -> RejectedRequest.notFound("event publication", id));
    }

    /**
     * Delivers a publication again now, whatever its state or number of attempts: for a parked
     * publication once its cause is fixed. If it fails again it stays parked. 409 when it completed, and when it was
     * published longer ago than the inbox keeps its marks ({@code bulkhead.retention.inbox}): a listener that applied
     * it may have forgotten so, and would apply it twice (ADR 0033); the problem says until when it was resubmittable.
     */
    @PostMapping("/{id}/resubmit")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Publication resubmit(@PathVariable UUID id) {
        PublicationRegistry.Row row = registry.find(id).orElseThrow(() -> RejectedRequest.notFound("event publication", id));
        if (row.completedAt() == null) {
            refuseIfInboxMayHaveForgotten(row);
        }
        if (row.completedAt() != null || !registry.markFailedIfIncomplete(id)) {
            throw RejectedRequest.conflict("id", "event publication " + id + " has completed; there is nothing to resubmit");
        }
        retryJob.resubmit(Set.of(id));
        return get(id);
    }

    private void refuseIfInboxMayHaveForgotten(PublicationRegistry.Row row) {
        // every inbox mark of this event was written after its publication, so none is pruned before this instant
        Instant resubmittableUntil = row.publishedAt().plus(windows.inbox());
        if (clock.instant().isAfter(resubmittableUntil)) {
            RejectedRequest refused = RejectedRequest.conflict("id", "event publication " + row.id() + " was published at "
                    + row.publishedAt() + ", longer ago than inbox marks are kept (bulkhead.retention.inbox = "
                    + windows.inbox() + "); a listener that applied it may no longer know, and would apply it twice: "
                    + "it was resubmittable until " + resubmittableUntil + ". Repair its effect by hand instead");
            refused.getBody().setProperty("resubmittableUntil", resubmittableUntil);
            throw refused;
        }
    }

    private Publication view(PublicationRegistry.Row row, Instant now) {
        return new Publication(row.id(), state(row), row.status(), row.eventType(), row.eventId(), row.listenerId(),
                row.publishedAt(), Duration.between(row.publishedAt(), now).toSeconds(), row.completionAttempts(),
                row.lastResubmittedAt(), row.failures(), row.lastError(), row.lastFailedAt(), row.completedAt());
    }

    private State state(PublicationRegistry.Row row) {
        if (row.completedAt() != null) {
            return State.COMPLETED;
        }
        if (!"FAILED".equals(row.status())) {
            return State.OUTSTANDING;
        }
        return retry.parks(row.completionAttempts()) ? State.PARKED : State.RETRYING;
    }

    private static int count(List<Publication> publications, State state) {
        return (int) publications.stream().filter(p -> p.state() == state).count();
    }

    record Overview(int outstanding, int retrying, int parked, List<Publication> publications) {
    }

    /**
     * @param attempts deliveries so far, the first one included
     * @param failures failed deliveries recorded, with the last one's error and time
     */
    record Publication(UUID id, State state, String status, String eventType, UUID eventId, String listener,
            Instant publishedAt, long ageSeconds, int attempts, Instant lastResubmittedAt, int failures,
            String lastError, Instant lastFailedAt, Instant completedAt) {
    }
}
