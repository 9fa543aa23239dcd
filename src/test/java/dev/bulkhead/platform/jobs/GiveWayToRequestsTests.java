package dev.bulkhead.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.platform.ClusterLock;
import dev.bulkhead.platform.JobState;
import dev.bulkhead.platform.JobView;
import dev.bulkhead.platform.PagedJob;
import dev.bulkhead.platform.web.OpenRequest;
import dev.bulkhead.platform.web.RequestsInFlight;
import dev.bulkhead.testing.IntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * With {@code bulkhead.jobs.give-way-to-requests} set, a paged job starts each page only once the requests this
 * instance is answering have been answered, and waits no longer than the setting: a request that never ends slows the
 * job down and does not stop it (ADR 0042). Requests go through the real counting filter; the job's checkpoints and
 * lock are the platform's own, in PostgreSQL.
 */
@IntegrationTest
class GiveWayToRequestsTests {

    @Autowired
    JobCheckpoints checkpoints;

    @Autowired
    ClusterLock lock;

    @Autowired
    PlatformTransactionManager transactions;

    private static final int ROWS_PER_STATEMENT = 7;

    private final RequestsInFlight requests = new RequestsInFlight();
    private final List<PagedJobs> runners = new ArrayList<>();
    private final List<OpenRequest> openRequests = new ArrayList<>();

    @AfterEach
    void tearDown() {
        openRequests.forEach(OpenRequest::answer);
        runners.forEach(PagedJobs::destroy);
    }

    @Test
    void a_page_starts_only_once_the_request_under_way_has_been_answered() throws Exception {
        OpenRequest request = requestUnderWay();
        TimedPagesJob job = new TimedPagesJob("give-way", 3, transactions);

        CompletableFuture<JobView> run = CompletableFuture.supplyAsync(() -> runner(job, Duration.ofSeconds(30)).runHere(job.name()).orElseThrow());
        Thread.sleep(300);
        long answeredAt = System.nanoTime();
        request.answer();
        JobView view = run.get(20, TimeUnit.SECONDS);

        assertThat(view.state()).isEqualTo(JobState.COMPLETED);
        assertThat(job.appliedAt).hasSize(3).allSatisfy(at -> assertThat(at).as("a page applied before the request was answered")
                .isGreaterThan(answeredAt));
    }

    @Test
    void a_request_that_is_never_answered_slows_a_job_down_but_does_not_stop_it() {
        requestUnderWay();
        TimedPagesJob job = new TimedPagesJob("give-way", 3, transactions);
        long start = System.nanoTime();

        JobView view = runner(job, Duration.ofMillis(200)).runHere(job.name()).orElseThrow();

        assertThat(view.state()).isEqualTo(JobState.COMPLETED);
        assertThat(job.appliedAt).hasSize(3);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("waited up to the setting before each of 3 pages")
                .isGreaterThanOrEqualTo(Duration.ofMillis(3 * 200));
    }

    @Test
    void a_job_set_to_wait_for_no_request_does_not_wait() {
        requestUnderWay();
        TimedPagesJob job = new TimedPagesJob("give-way", 3, transactions);

        JobView view = runner(job, Duration.ZERO).runHere(job.name()).orElseThrow();

        assertThat(view.state()).isEqualTo(JobState.COMPLETED);
        assertThat(requests.count()).as("the request was still under way while every page was applied").isEqualTo(1);
    }

    @Test
    void a_page_waits_between_its_statements_until_a_request_that_arrived_during_it_has_been_answered() throws Exception {
        AtomicLong answeredAt = new AtomicLong();
        CompletableFuture<Void> answered = new CompletableFuture<>();
        StatementsJob job = new StatementsJob(1, 2, (statement, pacing) -> {
            if (statement == 1) {
                OpenRequest arrived = requestUnderWay(); // arrives while the page's first statement runs
                CompletableFuture.runAsync(() -> {
                    sleep(300);
                    answeredAt.set(System.nanoTime());
                    arrived.answer();
                    answered.complete(null);
                });
            }
        });

        JobView view = runner(job, Duration.ofSeconds(30)).runHere(job.name()).orElseThrow();
        answered.get(10, TimeUnit.SECONDS);

        assertThat(view.state()).isEqualTo(JobState.COMPLETED);
        assertThat(job.statementsAt).hasSize(2);
        assertThat(job.statementsAt.get(1)).as("the page's second statement ran after the request was answered")
                .isGreaterThan(answeredAt.get());
    }

    @Test
    void the_waits_between_a_pages_statements_add_up_to_at_most_the_setting_while_a_request_is_never_answered() {
        requestUnderWay();
        StatementsJob job = new StatementsJob(1, 6, (statement, pacing) -> { });
        long start = System.nanoTime();

        JobView view = runner(job, Duration.ofMillis(200)).runHere(job.name()).orElseThrow();

        assertThat(view.state()).isEqualTo(JobState.COMPLETED);
        assertThat(job.statementsAt).hasSize(6);
        Duration withinThePage = Duration.ofNanos(job.statementsAt.get(5) - job.statementsAt.get(0));
        assertThat(withinThePage).as("five waits between six statements share one allowance of 200 ms")
                .isGreaterThanOrEqualTo(Duration.ofMillis(190)).isLessThan(Duration.ofMillis(5 * 200));
        assertThat(Duration.ofNanos(job.statementsAt.get(0) - start)).as("and the page waited before it began, as before")
                .isGreaterThanOrEqualTo(Duration.ofMillis(190));
    }

    @Test
    void pages_write_as_many_rows_per_statement_as_set() {
        StatementsJob job = new StatementsJob(1, 1, (statement, pacing) -> { });

        runner(job, Duration.ZERO).runHere(job.name()).orElseThrow();

        assertThat(job.rowsPerStatement).isEqualTo(ROWS_PER_STATEMENT);
    }

    private OpenRequest requestUnderWay() {
        OpenRequest open = OpenRequest.in(requests);
        openRequests.add(open);
        return open;
    }

    private PagedJobs runner(NumberedPagesJob job, Duration giveWay) {
        JobProperties properties = new JobProperties(10, Duration.ZERO, 0, giveWay, ROWS_PER_STATEMENT, true, Duration.ofMinutes(1),
                Duration.ofMinutes(1));
        PagedJobs jobs = new PagedJobs(List.of(job), checkpoints, lock, properties, Clock.systemUTC(), event -> { }, requests);
        runners.add(jobs);
        return jobs;
    }

    /** What happens during a page's statement (its number, from 1), before the page goes on to the next one. */
    private interface Statement {

        void run(int number, PagedJob.Pacing pacing);
    }

    /** Pages of several statements, paced as a page of a real job is: records when each statement ran. */
    private final class StatementsJob extends NumberedPagesJob {

        final List<Long> statementsAt = new CopyOnWriteArrayList<>();
        final int statements;
        final Statement statement;
        volatile int rowsPerStatement;

        StatementsJob(int pages, int statements, Statement statement) {
            super("paced-statements", pages, transactions);
            this.statements = statements;
            this.statement = statement;
        }

        @Override
        Applied apply(int number, Pacing pacing) {
            rowsPerStatement = pacing.rowsPerStatement();
            for (int i = 1; i <= statements; i++) {
                if (i > 1) {
                    pacing.betweenStatements();
                }
                statementsAt.add(System.nanoTime());
                statement.run(i, pacing);
            }
            return new Applied(statements, 0, 0);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
