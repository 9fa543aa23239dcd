package dev.bulkhead.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A run rests only while it is ahead of its minimum rate, and no longer than it is ahead (ADR 0042, sixth amendment). */
class RunPaceTests {

    private static final Duration TEN_MS = Duration.ofMillis(10);

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void without_a_floor_every_rest_is_taken_in_full() {
        RunPace pace = RunPace.from(0, now::get);
        now.addAndGet(Duration.ofHours(1).toNanos());

        assertThat(pace.restWithin(TEN_MS)).isEqualTo(TEN_MS);
    }

    @Test
    void a_run_behind_its_minimum_rate_does_not_rest() {
        RunPace pace = RunPace.from(1_000, now::get);
        pace.advanced(1_000); // due at one second
        now.addAndGet(Duration.ofMillis(1_001).toNanos());

        assertThat(pace.restWithin(TEN_MS)).isZero();
    }

    @Test
    void a_run_ahead_by_less_than_the_rest_rests_as_long_as_it_is_ahead() {
        RunPace pace = RunPace.from(1_000, now::get);
        pace.advanced(1_000);
        now.addAndGet(Duration.ofMillis(996).toNanos());

        assertThat(pace.restWithin(TEN_MS)).isEqualTo(Duration.ofMillis(4));
    }

    @Test
    void a_run_far_ahead_rests_as_set() {
        RunPace pace = RunPace.from(1_000, now::get);
        pace.advanced(1_000);
        now.addAndGet(Duration.ofMillis(500).toNanos());

        assertThat(pace.restWithin(TEN_MS)).isEqualTo(TEN_MS);
    }

    @Test
    void the_pace_counts_from_the_runs_start_so_a_lead_taken_early_is_spent_later() {
        RunPace pace = RunPace.from(1_000, now::get);
        pace.advanced(1_000);
        now.addAndGet(Duration.ofMillis(100).toNanos()); // 900 ms ahead, and rests 10 ms
        now.addAndGet(pace.restWithin(TEN_MS).toNanos());
        pace.advanced(1_000); // due at two seconds
        now.addAndGet(Duration.ofMillis(1_880).toNanos()); // a slow page: 10 ms of the lead left

        assertThat(pace.restWithin(Duration.ofMillis(50))).isEqualTo(TEN_MS);
    }

    @Test
    void no_rest_asked_is_no_rest() {
        RunPace pace = RunPace.from(1_000, now::get);
        pace.advanced(1_000);

        assertThat(pace.restWithin(Duration.ZERO)).isZero();
    }
}
