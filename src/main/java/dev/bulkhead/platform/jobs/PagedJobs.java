package dev.bulkhead.platform.jobs;

import dev.bulkhead.platform.ClusterLock;
import dev.bulkhead.platform.JobCompleted;
import dev.bulkhead.platform.JobState;
import dev.bulkhead.platform.JobView;
import dev.bulkhead.platform.Jobs;
import dev.bulkhead.platform.PageApplied;
import dev.bulkhead.platform.PagedJob;
import dev.bulkhead.platform.RejectedRequest;
import dev.bulkhead.platform.web.RequestsInFlight;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the modules' {@link PagedJob}s: in the background on an operator's request, synchronously for a schedule, and
 * again when a run was cut short by a crash. A run holds the job's {@link ClusterLock} from its first page to its
 * last, so it runs on one instance at a time across the cluster; it reads each page outside any transaction and
 * applies it with its checkpoint in one transaction of the job's module (ADR 0034).
 */
@Component
@EnableConfigurationProperties(JobProperties.class)
class PagedJobs implements Jobs, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PagedJobs.class);
    private static final Duration LOCK_ANSWER = Duration.ofSeconds(10);

    private final Map<String, PagedJob> jobs = new LinkedHashMap<>();
    private final Map<String, JobProgress> progress = new ConcurrentHashMap<>();
    private final JobCheckpoints checkpoints;
    private final ClusterLock lock;
    private final JobProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;
    private final RequestsInFlight requests;
    private final ExecutorService threads;

    PagedJobs(List<PagedJob> jobs, JobCheckpoints checkpoints, ClusterLock lock, JobProperties properties, Clock clock,
            ApplicationEventPublisher publisher, RequestsInFlight requests) {
        jobs.forEach(job -> this.jobs.put(job.name(), job));
        this.jobs.keySet().forEach(name -> progress.put(name, new JobProgress(name)));
        this.checkpoints = checkpoints;
        this.lock = lock;
        this.properties = properties;
        this.clock = clock;
        this.publisher = publisher;
        this.requests = requests;
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "paged-job-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public List<JobView> views() {
        return jobs.keySet().stream().map(this::view).toList();
    }

    /** The job's progress: this instance's live picture if it ran the job, else its checkpoint's. */
    @Override
    public JobView view(String name) {
        PagedJob job = job(name);
        JobProgress here = progress.get(name);
        if (here.seenHere()) {
            return here.view(clock.instant());
        }
        return job.inTransaction(() -> checkpoints.load(job.schema(), name)).map(JobProgress::of)
                .orElseGet(() -> here.view(clock.instant()));
    }

    /**
     * Starts the job (from its checkpoint, when a run was cut short) in the background.
     *
     * @throws RejectedRequest 409 when it already runs, here or on another instance; 404 for an unknown job
     */
    @Override
    public JobView start(String name) {
        PagedJob job = job(name);
        JobProgress here = progress.get(name);
        if (here.active()) {
            throw alreadyRunning(name);
        }
        CompletableFuture<Boolean> taken = new CompletableFuture<>();
        threads.execute(() -> {
            try {
                boolean ran = lock.runExclusively(name, () -> {
                    here.takenUp(clock.instant());
                    taken.complete(true);
                    run(job, here);
                });
                taken.complete(ran);
            } catch (RuntimeException e) {
                log.error("Job {} could not run", name, e);
                taken.completeExceptionally(e);
            }
        });
        if (!awaitLock(name, taken)) {
            throw alreadyRunning(name);
        }
        return here.view(clock.instant());
    }

    /**
     * Runs the job on this thread unless it runs elsewhere: for schedules.
     *
     * @return the run's end, or empty when another instance (or thread) was running it
     */
    @Override
    public Optional<JobView> runHere(String name) {
        PagedJob job = job(name);
        JobProgress here = progress.get(name);
        if (here.active()) {
            return Optional.empty();
        }
        boolean ran = lock.runExclusively(name, () -> {
            here.takenUp(clock.instant());
            run(job, here);
        });
        return ran ? Optional.of(here.view(clock.instant())) : Optional.empty();
    }

    /** Asks the job to stop after its current page, here and on whichever instance runs it; the checkpoint stays. */
    @Override
    public JobView stop(String name) {
        PagedJob job = job(name);
        progress.get(name).requestStop();
        job.inTransaction(() -> checkpoints.requestStop(job.schema(), name));
        log.info("Job {}: stop requested", name);
        return view(name);
    }

    /** A run cut short by a crash (its checkpoint says running, but no instance holds its lock) goes on. */
    @Scheduled(initialDelayString = JobProperties.RESUME_CHECK, fixedDelayString = JobProperties.RESUME_CHECK)
    void resumeInterrupted() {
        for (PagedJob job : jobs.values()) {
            if (progress.get(job.name()).active()) {
                continue;
            }
            try {
                Optional<JobCheckpoint> interrupted = job.inTransaction(() -> checkpoints.load(job.schema(), job.name()))
                        .filter(checkpoint -> checkpoint.state() == JobState.RUNNING);
                if (interrupted.isPresent() && interrupted.get().stopRequested()) {
                    // an operator asked it to stop, and then its instance died: it stays stopped
                    lock.runExclusively(job.name(), () -> job.inTransaction(() -> {
                        checkpoints.ended(job.schema(), job.name(), JobState.STOPPED, null, clock.instant());
                        return null;
                    }));
                } else if (interrupted.isPresent()) {
                    log.info("Job {} was cut short; resuming it from its checkpoint", job.name());
                    start(job.name());
                }
            } catch (RejectedRequest runningElsewhere) {
                log.debug("Job {} runs on another instance", job.name());
            } catch (RuntimeException e) {
                log.warn("Could not check whether job {} needs resuming", job.name(), e);
            }
        }
    }

    private void run(PagedJob job, JobProgress here) {
        String name = job.name();
        String schema = job.schema();
        try {
            long total = job.estimateTotal();
            Optional<JobCheckpoint> previous = job.inTransaction(() -> checkpoints.load(schema, name))
                    .filter(JobCheckpoint::resumable);
            if (previous.isPresent()) {
                job.inTransaction(() -> {
                    checkpoints.resume(schema, name, total, clock.instant());
                    return null;
                });
                log.info("Job {}: resuming after {} items done, cursor {}", name, previous.get().done(), previous.get().cursor());
            } else {
                job.inTransaction(() -> {
                    job.begin();
                    checkpoints.restart(schema, name, total, clock.instant());
                    return null;
                });
                log.info("Job {}: starting, about {} items", name, total);
            }
            JobCheckpoint start = job.inTransaction(() -> checkpoints.load(schema, name)).orElseThrow();
            here.running(start, clock.instant());
            pages(job, here, start.cursor());
        } catch (RuntimeException e) {
            here.ended(JobState.FAILED, String.valueOf(e.getMessage()), clock.instant());
            log.error("Job {} failed; its checkpoint is at its last committed page and the next start resumes there", name, e);
            try {
                job.inTransaction(() -> {
                    checkpoints.ended(schema, name, JobState.FAILED, String.valueOf(e.getMessage()), clock.instant());
                    return null;
                });
            } catch (RuntimeException alsoFailed) {
                log.warn("Job {}: could not record the failure in its checkpoint", name, alsoFailed);
            }
        }
    }

    /**
     * Applies page after page. For a job that {@link PagedJob#readsAhead may read ahead}, when reading ahead is switched
     * on ({@code bulkhead.jobs.read-ahead}, off by default), the next page is read on another thread while the current
     * one is applied: the owning modules' reads and this module's writes then overlap instead of taking turns. A page
     * read ahead and not applied (a stop, a failure) is dropped; it changed nothing.
     */
    private void pages(PagedJob job, JobProgress here, @Nullable String from) {
        String name = job.name();
        Instant lastLog = clock.instant();
        RunPace pace = RunPace.from(properties.minimumRate(), System::nanoTime); // the first page's read counts too
        PagedJob.Page page = job.nextPage(from, properties.pageSize());
        Duration gaveWay = Duration.ZERO;
        Duration rested = Duration.ZERO;
        while (true) {
            gaveWay = gaveWay.plus(giveWayToRequests());
            boolean readsAhead = !page.last() && job.readsAhead() && properties.readAhead();
            Future<PagedJob.Page> next = readsAhead ? readAhead(job, page.cursorAfter()) : null;
            try {
                PagedJob.Page current = page;
                boolean[] stopAsked = { false };
                PagePacing pacing = new PagePacing();
                PagedJob.Applied applied = job.inTransaction(() -> {
                    PagedJob.Applied result = current.apply(pacing);
                    if (current.last()) {
                        job.complete();
                    }
                    stopAsked[0] = checkpoints.advance(job.schema(), name, current.cursorAfter(), result, current.last(), clock.instant());
                    return result;
                });
                gaveWay = gaveWay.plus(pacing.waited);
                here.advanced(applied);
                pace.advanced(applied.done());
                String cursor = page.cursorAfter();
                Instant now = clock.instant();
                publisher.publishEvent(new PageApplied(name, cursor, here.view(now)));
                if (page.last()) {
                    JobView view = here.view(now);
                    log.info("Job {}: completed, {} items, {} drifted, {} repaired; waited {} ms for requests to be answered, "
                            + "rested {} ms", name, view.done(), view.drifted(), view.repaired(), gaveWay.toMillis(), rested.toMillis());
                    // before the state says COMPLETED, so whoever sees that state also sees what the listeners did
                    publisher.publishEvent(new JobCompleted(view));
                    here.ended(JobState.COMPLETED, null, now);
                    return;
                }
                if (stopAsked[0] || here.stopRequested()) {
                    job.inTransaction(() -> {
                        checkpoints.ended(job.schema(), name, JobState.STOPPED, null, clock.instant());
                        return null;
                    });
                    here.ended(JobState.STOPPED, null, clock.instant());
                    log.info("Job {}: stopped by an operator at cursor {}; a later start resumes there", name, cursor);
                    return;
                }
                if (!Duration.between(lastLog, now).minus(properties.progressLogInterval()).isNegative()) {
                    logProgress(here.view(now));
                    lastLog = now;
                }
                rested = rested.plus(rest(pace));
                page = next == null ? job.nextPage(cursor, properties.pageSize()) : await(next);
                next = null;
            } finally {
                if (next != null) {
                    next.cancel(false); // let a read under way finish and drop it: an interrupt could fail its connection
                }
            }
        }
    }

    private Future<PagedJob.Page> readAhead(PagedJob job, @Nullable String cursor) {
        return threads.submit(() -> job.nextPage(cursor, properties.pageSize()));
    }

    /** The page read ahead; its failure is the job's, as if it had been read on this thread. */
    private static PagedJob.Page await(Future<PagedJob.Page> next) {
        try {
            return next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the next page", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("the next page could not be read", e.getCause());
        }
    }

    private static void logProgress(JobView view) {
        log.info("Job {}: {}/{} done, {} items/s, ETA {}", view.name(), view.done(), view.total(),
                String.format("%.0f", view.ratePerSecond()), view.eta());
    }

    /** Lets the requests under way finish before the next page takes the cores (ADR 0042). */
    private Duration giveWayToRequests() {
        return requests.awaitNone(properties.giveWayToRequests());
    }

    /** One page's pacing: its waits between statements add up to at most {@code give-way-to-requests}. */
    private final class PagePacing implements PagedJob.Pacing {

        private Duration waited = Duration.ZERO;

        @Override
        public int rowsPerStatement() {
            return properties.rowsPerStatement();
        }

        @Override
        public void betweenStatements() {
            Duration left = properties.giveWayToRequests().minus(waited);
            if (!left.isNegative() && !left.isZero()) {
                waited = waited.plus(requests.awaitNone(left));
            }
        }
    }

    /** The rest after a page: as set, or shorter when a longer one would take the run below its minimum rate. */
    private Duration rest(RunPace pace) {
        Duration rest = pace.restWithin(properties.pauseBetweenPages());
        if (rest.isZero()) {
            return rest;
        }
        try {
            Thread.sleep(rest.toMillis(), rest.toNanosPart() % 1_000_000);
            return rest;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted between pages", e);
        }
    }

    private boolean awaitLock(String name, CompletableFuture<Boolean> taken) {
        try {
            return taken.get(LOCK_ANSWER.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting job " + name, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("job " + name + " could not be started", e);
        }
    }

    private PagedJob job(String name) {
        PagedJob job = jobs.get(name);
        if (job == null) {
            throw RejectedRequest.notFound("job", name);
        }
        return job;
    }

    private static RejectedRequest alreadyRunning(String name) {
        return RejectedRequest.conflict("name", "job " + name + " is already running");
    }

    @Override
    public void destroy() {
        progress.values().forEach(JobProgress::requestStop);
        threads.shutdown();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        threads.shutdownNow();
    }
}
