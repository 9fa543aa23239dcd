package dev.bulkhead.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.platform.ClusterLock;
import dev.bulkhead.platform.JobState;
import dev.bulkhead.platform.JobView;
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
        TimedJob job = new TimedJob(3);

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
        TimedJob job = new TimedJob(3);
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
        TimedJob job = new TimedJob(3);

        JobView view = runner(job, Duration.ZERO).runHere(job.name()).orElseThrow();

        assertThat(view.state()).isEqualTo(JobState.COMPLETED);
        assertThat(requests.count()).as("the request was still under way while every page was applied").isEqualTo(1);
    }

    private OpenRequest requestUnderWay() {
        OpenRequest open = OpenRequest.in(requests);
        openRequests.add(open);
        return open;
    }

    private PagedJobs runner(TimedJob job, Duration giveWay) {
        JobProperties properties = new JobProperties(10, Duration.ZERO, giveWay, Duration.ofMinutes(1), Duration.ofMinutes(1));
        PagedJobs jobs = new PagedJobs(List.of(job), checkpoints, lock, properties, Clock.systemUTC(), event -> { }, requests);
        runners.add(jobs);
        return jobs;
    }

    /** Records when each page was applied. */
    private final class TimedJob extends NumberedPagesJob {

        final List<Long> appliedAt = new CopyOnWriteArrayList<>();

        TimedJob(int pages) {
            super("give-way", pages, transactions);
        }

        @Override
        Applied apply(int number) {
            appliedAt.add(System.nanoTime());
            return new Applied(1, 0, 0);
        }
    }
}
