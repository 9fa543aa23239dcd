package dev.bulkhead.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.platform.ClusterLock;
import dev.bulkhead.platform.JobState;
import dev.bulkhead.platform.JobView;
import dev.bulkhead.platform.web.RequestsInFlight;
import dev.bulkhead.testing.IntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A paged job rests after each page but its last ({@code bulkhead.jobs.pause-between-pages}), and only while it is
 * ahead of {@code bulkhead.jobs.minimum-rate}: a rest never takes it below that pace (ADR 0042, sixth amendment). The
 * pages are one item each, so a rate is pages a second; their checkpoints and lock are the platform's own, in
 * PostgreSQL. The bounds are far from the rests they tell apart, so that a slow machine does not blur them.
 */
@IntegrationTest
class RestBetweenPagesTests {

    @Autowired
    JobCheckpoints checkpoints;

    @Autowired
    ClusterLock lock;

    @Autowired
    PlatformTransactionManager transactions;

    private final List<PagedJobs> runners = new ArrayList<>();

    @AfterEach
    void tearDown() {
        runners.forEach(PagedJobs::destroy);
    }

    @Test
    void without_a_minimum_rate_a_job_rests_as_set_after_each_page_but_the_last() {
        TimedPagesJob job = new TimedPagesJob("rests", 3, transactions);
        long start = System.nanoTime();

        JobView view = runner(job, Duration.ofMillis(300), 0).runHere(job.name()).orElseThrow();

        assertThat(view.state()).isEqualTo(JobState.COMPLETED);
        assertThat(gap(job, 0, 1)).as("rested after the first page").isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(gap(job, 1, 2)).as("rested after the second page").isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(Duration.ofNanos(System.nanoTime() - job.appliedAt.get(2)))
                .as("no rest after the last page").isLessThan(Duration.ofMillis(300));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
    }

    @Test
    void a_job_that_cannot_keep_its_minimum_rate_does_not_rest() {
        TimedPagesJob job = new TimedPagesJob("rests", 3, transactions);

        JobView view = runner(job, Duration.ofSeconds(3), Integer.MAX_VALUE).runHere(job.name()).orElseThrow();

        assertThat(view.state()).isEqualTo(JobState.COMPLETED);
        assertThat(gap(job, 0, 2)).as("two rests of 3 s left out: a page a nanosecond is out of reach")
                .isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void a_job_ahead_of_its_minimum_rate_rests_only_as_long_as_keeps_it_at_that_rate() {
        TimedPagesJob job = new TimedPagesJob("rests", 3, transactions);

        JobView view = runner(job, Duration.ofSeconds(3), 4).runHere(job.name()).orElseThrow();

        assertThat(view.state()).isEqualTo(JobState.COMPLETED);
        assertThat(gap(job, 0, 2)).as("four pages a second: the third is due 500 ms after the run began, not 6 s")
                .isGreaterThanOrEqualTo(Duration.ofMillis(400)).isLessThan(Duration.ofSeconds(2));
    }

    private static Duration gap(TimedPagesJob job, int from, int to) {
        return Duration.ofNanos(job.appliedAt.get(to) - job.appliedAt.get(from));
    }

    private PagedJobs runner(NumberedPagesJob job, Duration rest, int minimumRate) {
        JobProperties properties = new JobProperties(10, rest, minimumRate, Duration.ZERO, 100, false, Duration.ofMinutes(1),
                Duration.ofMinutes(1));
        PagedJobs jobs = new PagedJobs(List.of(job), checkpoints, lock, properties, Clock.systemUTC(), event -> { },
                new RequestsInFlight());
        runners.add(jobs);
        return jobs;
    }
}
