package dev.bulkhead.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.platform.ClusterLock;
import dev.bulkhead.platform.JobState;
import dev.bulkhead.platform.JobView;
import dev.bulkhead.platform.PagedJob;
import dev.bulkhead.platform.web.RequestsInFlight;
import dev.bulkhead.testing.IntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A job that reads ahead ({@link PagedJob#readsAhead}) has its next page read while the current one is applied, and
 * still applies every page once, in order: a page read ahead is dropped when the run stops or fails, and a failed read
 * leaves the checkpoint at the last applied page. A job that does not read ahead, or any job when reading ahead is
 * switched off ({@code bulkhead.jobs.read-ahead=false}), is never read while it applies.
 * Scripted jobs on the platform's real checkpoints and locks, in the history schema.
 */
@IntegrationTest
class ReadAheadTests {

    private static final Duration OVERLAP_WAIT = Duration.ofSeconds(5);

    @Autowired
    JobCheckpoints checkpoints;

    @Autowired
    ClusterLock lock;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JobProperties configured;

    private final List<PagedJobs> runners = new ArrayList<>();

    @AfterEach
    void tearDown() {
        runners.forEach(PagedJobs::destroy);
    }

    @Test
    void the_next_page_is_read_while_the_current_one_is_applied_and_every_page_is_applied_once_in_order() {
        ScriptedJob job = new ScriptedJob(true, 4);

        JobView view = runner(job).runHere(job.name()).orElseThrow();

        assertThat(view.state()).isEqualTo(JobState.COMPLETED);
        assertThat(job.applied()).containsExactly(1, 2, 3, 4);
        for (int page = 1; page < 4; page++) {
            assertThat(job.events().indexOf("read " + (page + 1))).as("page %d read before page %d was applied", page + 1, page)
                    .isLessThan(job.events().indexOf("applied " + page));
        }
    }

    @Test
    void a_job_that_does_not_read_ahead_is_read_only_after_its_page_was_applied() {
        ScriptedJob job = new ScriptedJob(false, 3);

        JobView view = runner(job).runHere(job.name()).orElseThrow();

        assertThat(view.state()).isEqualTo(JobState.COMPLETED);
        assertThat(job.events()).containsExactly("read 1", "applied 1", "read 2", "applied 2", "read 3", "applied 3");
    }

    @Test
    void a_job_that_may_read_ahead_is_read_only_after_its_page_was_applied_when_reading_ahead_is_switched_off() {
        ScriptedJob job = new ScriptedJob(true, 3);

        JobView view = runner(job, false).runHere(job.name()).orElseThrow();

        assertThat(view.state()).isEqualTo(JobState.COMPLETED);
        assertThat(job.events()).containsExactly("read 1", "applied 1", "read 2", "applied 2", "read 3", "applied 3");
    }

    @Test
    void the_application_reads_no_page_ahead_unless_an_operator_switches_it_on() {
        // ADR 0042, amendment of 2026-12-04: on two cores the overlap costs the requests more than it gains the job
        assertThat(configured.readAhead()).isFalse();
    }

    @Test
    void a_read_ahead_that_fails_fails_the_run_at_the_last_applied_page_and_the_next_run_resumes_there() {
        ScriptedJob job = new ScriptedJob(true, 5);
        job.failReadOf = 3;
        PagedJobs jobs = runner(job);

        JobView failed = jobs.runHere(job.name()).orElseThrow();

        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.lastError()).contains("injected read failure at page 3");
        assertThat(job.applied()).containsExactly(1, 2);
        assertThat(checkpoint(job).cursor()).isEqualTo("2");

        job.failReadOf = -1;
        JobView completed = jobs.runHere(job.name()).orElseThrow();

        assertThat(completed.state()).isEqualTo(JobState.COMPLETED);
        assertThat(job.applied()).containsExactly(1, 2, 3, 4, 5);
        assertThat(checkpoint(job).done()).isEqualTo(5);
    }

    @Test
    void a_page_read_ahead_when_an_operator_stops_the_run_is_not_applied_and_the_next_run_starts_with_it() {
        ScriptedJob job = new ScriptedJob(true, 5);
        PagedJobs jobs = runner(job);
        // an operator's stop, from another thread, while page 2 is applied and page 3 is read ahead
        job.whileApplying = page -> {
            if (page == 2) {
                CompletableFuture.runAsync(() -> jobs.stop(job.name())).join();
            }
        };

        JobView stopped = jobs.runHere(job.name()).orElseThrow();

        assertThat(stopped.state()).isEqualTo(JobState.STOPPED);
        assertThat(job.events()).contains("read 3");
        assertThat(job.applied()).containsExactly(1, 2);
        assertThat(checkpoint(job).cursor()).isEqualTo("2");

        job.whileApplying = page -> { };
        assertThat(jobs.runHere(job.name()).orElseThrow().state()).isEqualTo(JobState.COMPLETED);
        assertThat(job.applied()).containsExactly(1, 2, 3, 4, 5);
    }

    private PagedJobs runner(ScriptedJob job) {
        return runner(job, true);
    }

    private PagedJobs runner(ScriptedJob job, boolean readAhead) {
        JobProperties properties = new JobProperties(10, Duration.ZERO, 0, Duration.ZERO, 100, readAhead, Duration.ofMinutes(1),
                Duration.ofMinutes(1));
        job.platformReadsAhead = readAhead;
        PagedJobs jobs = new PagedJobs(List.of(job), checkpoints, lock, properties, Clock.systemUTC(), event -> { },
                new RequestsInFlight());
        runners.add(jobs);
        return jobs;
    }

    private JobCheckpoint checkpoint(ScriptedJob job) {
        return job.inTransaction(() -> checkpoints.load(job.schema(), job.name())).orElseThrow();
    }

    /**
     * A page read ahead is applied only once the next page's read has begun (or after {@link #OVERLAP_WAIT}), so the
     * order of the events shows whether they overlapped.
     */
    private final class ScriptedJob extends NumberedPagesJob {

        private final boolean readsAhead;
        private final List<String> events = Collections.synchronizedList(new ArrayList<>());
        private final List<Integer> applied = Collections.synchronizedList(new ArrayList<>());
        volatile int failReadOf = -1;
        volatile IntConsumer whileApplying = page -> { };
        /** Whether the platform reads ahead for a job that may be read ahead: if not, no apply waits for an overlap. */
        volatile boolean platformReadsAhead = true;

        ScriptedJob(boolean readsAhead, int pages) {
            super("read-ahead", pages, transactions);
            this.readsAhead = readsAhead;
        }

        List<String> events() {
            return List.copyOf(events);
        }

        List<Integer> applied() {
            return List.copyOf(applied);
        }

        @Override
        public boolean readsAhead() {
            return readsAhead;
        }

        @Override
        public Page nextPage(@Nullable String cursor, int size) {
            int number = number(cursor);
            events.add("read " + number);
            if (number == failReadOf) {
                throw new IllegalStateException("injected read failure at page " + number);
            }
            return page(number);
        }

        @Override
        Applied apply(int number, Pacing pacing) {
            whileApplying.accept(number);
            if (readsAhead && platformReadsAhead && number < pages()) {
                awaitRead(number + 1);
            }
            applied.add(number);
            events.add("applied " + number);
            return new Applied(1, 0, 0);
        }

        private void awaitRead(int page) {
            long until = System.nanoTime() + OVERLAP_WAIT.toNanos();
            while (!events.contains("read " + page) && System.nanoTime() < until) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
