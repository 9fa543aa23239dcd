package dev.bulkhead.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;

/**
 * The outcomes a delivery could not write during an outage are written once the registry answers, oldest first,
 * none lost while it does not answer, none kept past {@code stale-after} (the sweep of abandoned deliveries has them
 * then), and never more than a bounded number (ADR 0035).
 */
class UnrecordedOutcomesTests {

    private static final PublicationTargetIdentifier LISTENER = PublicationTargetIdentifier.of("billing.PaymentProcessor.on");
    private static final Duration STALE_AFTER = Duration.ofMinutes(1);

    private final List<String> written = new ArrayList<>();
    private boolean databaseAway;
    private final EventPublicationRegistry registry = (EventPublicationRegistry) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] { EventPublicationRegistry.class }, (proxy, method, args) -> {
                if (databaseAway) {
                    throw new IllegalStateException("Connection is not available");
                }
                written.add(method.getName() + " " + args[0]);
                return null;
            });

    @Test
    void outcomes_wait_while_the_database_is_away_and_are_written_once_it_answers() {
        UnrecordedOutcomes outcomes = new UnrecordedOutcomes();
        outcomes.failed("first", LISTENER);
        outcomes.completed("second", LISTENER);

        databaseAway = true;
        assertThat(outcomes.recordAll(registry, null, null, Instant.now(), STALE_AFTER)).isZero();
        assertThat(outcomes.size()).isEqualTo(2);

        databaseAway = false;
        assertThat(outcomes.recordAll(registry, null, null, Instant.now(), STALE_AFTER)).isEqualTo(2);
        assertThat(written).containsExactlyInAnyOrder("markFailed first", "markCompleted second");
        assertThat(outcomes.size()).isZero();
        assertThat(outcomes.recordAll(registry, null, null, Instant.now(), STALE_AFTER)).as("each written once").isZero();
    }

    @Test
    void an_outcome_older_than_stale_after_is_left_to_the_sweep_of_abandoned_deliveries() {
        UnrecordedOutcomes outcomes = new UnrecordedOutcomes();
        outcomes.failed("old", LISTENER);

        assertThat(outcomes.recordAll(registry, null, null, Instant.now().plus(STALE_AFTER).plusSeconds(1), STALE_AFTER)).isZero();
        assertThat(written).isEmpty();
        assertThat(outcomes.size()).isZero();
    }

    @Test
    void the_outcomes_kept_in_memory_are_bounded() {
        UnrecordedOutcomes outcomes = new UnrecordedOutcomes();
        for (int i = 0; i < UnrecordedOutcomes.MOST_KEPT + 5; i++) {
            outcomes.failed("event " + i, LISTENER);
        }
        assertThat(outcomes.size()).isEqualTo(UnrecordedOutcomes.MOST_KEPT);
    }
}
