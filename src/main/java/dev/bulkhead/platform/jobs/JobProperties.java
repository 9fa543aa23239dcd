package dev.bulkhead.platform.jobs;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How paged jobs run (ADR 0034). The defaults are here and nowhere else.
 *
 * @param pageSize items per page, so per transaction; at most 1,000, the most the modules' published batch queries
 *        answer. The default, 1,000, keeps a page's transaction to tens of milliseconds (its writes are a few
 *        statements of {@code rowsPerStatement}) and its memory to a page of views (two when reading ahead);
 *        smaller pages cost a round trip and a checkpoint each
 * @param pauseBetweenPages a rest after each page, to leave the cores to business traffic; 0 for none. Shortened, or
 *        left out, where it would take a run below {@code bulkhead.jobs.minimum-rate}, so the default, 30 ms, longer
 *        than a page's work on a fast two-core machine, makes a run there go at about that floor: a rebuild of a
 *        million orders ran at 23,000 orders/s instead of 36,000, and the customers' p99 during it rose 1.26–1.34 × /
 *        1.40–1.46 × instead of 1.48–1.49 × / 1.57–1.59 × with the 10 ms before (ADR 0042, seventh amendment)
 * @param minimumRate items a second below which the rests do not take a run: a run rests only while it is ahead of
 *        this pace since it started, and no longer than it is ahead; 0 for no floor. The default, 25,000, is the
 *        issue's 20,000 orders a second with a quarter to spare for what a run does besides its pages and for the
 *        waits for requests, which it does not bound. On a slow machine a run then rests little or not at all, and
 *        the requests' tail takes the difference (ADR 0042, sixth amendment)
 * @param giveWayToRequests before each page, the longest a job waits for the requests this instance is answering to
 *        be answered, so that a page starts between requests rather than in the middle of them (ADR 0042); 0 for
 *        never. The wait is bounded so that a steady stream of requests slows a job down but cannot stop it. Within
 *        a page, between its statements, the waits add up to at most as much again
 * @param rowsPerStatement how many rows a page writes or compares in one statement ({@link
 *        dev.bulkhead.platform.PagedJob.Pacing}): a statement of a hundred rows holds a core for a few milliseconds,
 *        one of a thousand for some 40 ms, during which the requests wait (ADR 0042)
 * @param readAhead whether a job whose pages do not depend on each other has its next page read on another thread
 *        while the current one is applied ({@link dev.bulkhead.platform.PagedJob#readsAhead}). Off by default (ADR 0042,
 *        amendment of 2026-12-04): it makes a rebuild about a fifth faster, but keeps two of PostgreSQL's processes
 *        busy at once, and on two cores the requests then wait for one
 * @param progressLogInterval how often a running job logs its progress (done/total, rate, ETA)
 * @param resumeCheckInterval how often each instance looks for a run cut short by a crash, to resume it
 */
@ConfigurationProperties(JobProperties.PREFIX)
@Validated
record JobProperties(@DefaultValue("1000") @Min(1) @Max(1000) int pageSize,
        @DefaultValue("30ms") @DurationMin(millis = 0) Duration pauseBetweenPages,
        @DefaultValue("25000") @Min(0) int minimumRate,
        @DefaultValue("50ms") @DurationMin(millis = 0) Duration giveWayToRequests,
        @DefaultValue("100") @Min(1) @Max(1000) int rowsPerStatement,
        @DefaultValue("false") boolean readAhead,
        @DefaultValue("10s") @DurationMin(seconds = 1) Duration progressLogInterval,
        @DefaultValue("1m") @DurationMin(seconds = 1) Duration resumeCheckInterval) {

    static final String PREFIX = "bulkhead.jobs";

    /** The {@link #resumeCheckInterval} for {@code @Scheduled}: the record by the bean name {@code @EnableConfigurationProperties} gives it. */
    static final String RESUME_CHECK = "#{@'" + PREFIX + "-dev.bulkhead.platform.jobs.JobProperties'.resumeCheckInterval()}";
}
