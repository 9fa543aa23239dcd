package dev.bulkhead.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.EventPublication.Status;

/**
 * The retry policy Spring Modulith lacks, on Modulith's own view of a publication: a doubling back-off from the
 * last resubmission up to a cap, parking after {@code max-attempts} deliveries, at most a batch per run.
 */
class DueForRetryTests {

    private static final Instant NOW = Instant.parse("2026-09-01T12:00:00Z");
    // interval, initial 2s, max 60s, 4 attempts, stale-after, batch of 2, keep-completed
    private final EventRetryProperties retry = new EventRetryProperties(null, Duration.ofSeconds(2), Duration.ofSeconds(60),
            4, null, 2, null);

    @Test
    void the_back_off_doubles_with_each_delivery_up_to_its_cap() {
        DueForRetry due = new DueForRetry(retry, NOW);

        assertThat(Stream.of(1, 2, 3, 4, 5, 6, 7, 40).map(due::backoffAfter).map(Duration::toSeconds))
                .containsExactly(2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
    }

    @Test
    void a_failed_publication_is_due_once_its_back_off_has_elapsed_since_its_last_resubmission() {
        DueForRetry due = new DueForRetry(retry, NOW);

        assertThat(due.isDue(failed(1, null, NOW.minusSeconds(2)))).as("first failure, published 2 s ago").isTrue();
        assertThat(due.isDue(failed(1, null, NOW.minusSeconds(1)))).isFalse();
        assertThat(due.isDue(failed(3, NOW.minusSeconds(7), NOW.minusSeconds(3600)))).as("8 s after the 3rd").isFalse();
        assertThat(due.isDue(failed(3, NOW.minusSeconds(8), NOW.minusSeconds(3600)))).isTrue();
    }

    @Test
    void parked_completed_and_unfinished_publications_are_never_due() {
        DueForRetry due = new DueForRetry(retry, NOW);
        Instant longAgo = NOW.minus(Duration.ofDays(1));

        assertThat(due.isDue(failed(4, longAgo, longAgo))).as("parked after max-attempts").isFalse();
        assertThat(due.isDue(new Publication(Status.FAILED, 1, longAgo, longAgo, NOW))).as("completed late").isFalse();
        assertThat(due.isDue(new Publication(Status.PUBLISHED, 1, longAgo, longAgo, null))).isFalse();
        assertThat(due.isDue(new Publication(Status.RESUBMITTED, 2, longAgo, longAgo, null))).isFalse();
    }

    @Test
    void one_run_lets_through_at_most_a_batch_oldest_first_and_counts_what_it_read() {
        DueForRetry due = new DueForRetry(retry, NOW);
        Instant longAgo = NOW.minus(Duration.ofDays(1));

        assertThat(Stream.of(failed(4, longAgo, longAgo), failed(1, null, longAgo), failed(2, longAgo, longAgo),
                failed(1, null, longAgo)).filter(due).count()).isEqualTo(2);
        assertThat(due.accepted()).isEqualTo(2);
        assertThat(due.read()).isEqualTo(4);
    }

    private static Publication failed(int attempts, @Nullable Instant lastResubmission, Instant published) {
        return new Publication(Status.FAILED, attempts, lastResubmission, published, null);
    }

    private record Publication(Status status, int attempts, @Nullable Instant lastResubmission, Instant published,
            @Nullable Instant completed) implements EventPublication {

        @Override
        public UUID getIdentifier() {
            return UUID.nameUUIDFromBytes((status + "" + attempts + published).getBytes());
        }

        @Override
        public Object getEvent() {
            return "event";
        }

        @Override
        public Instant getPublicationDate() {
            return published;
        }

        @Override
        public Optional<Instant> getCompletionDate() {
            return Optional.ofNullable(completed);
        }

        @Override
        public Status getStatus() {
            return status;
        }

        @Override
        public @Nullable Instant getLastResubmissionDate() {
            return lastResubmission;
        }

        @Override
        public int getCompletionAttempts() {
            return attempts;
        }
    }
}
