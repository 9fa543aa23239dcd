package dev.bulkhead.platform.reconciliation;

import dev.bulkhead.platform.Reconciliation;
import dev.bulkhead.platform.RejectedRequest;
import dev.bulkhead.platform.JobCompleted;
import dev.bulkhead.platform.JobView;
import dev.bulkhead.platform.Jobs;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs every {@link Reconciliation} the modules provide as a paged job, on a schedule
 * ({@link ReconciliationProperties#interval()}) and on demand, and publishes each completed run's counts as a log line
 * and as metrics ({@code bulkhead.reconciliation.*{copy}}), however the run was started.
 */
@Component
@EnableConfigurationProperties(ReconciliationProperties.class)
class ReconciliationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationRunner.class);

    private final Set<String> names;
    private final Jobs jobs;
    private final MeterRegistry meters;

    ReconciliationRunner(List<Reconciliation> reconciliations, Jobs jobs, MeterRegistry meters) {
        this.names = reconciliations.stream().map(Reconciliation::name).collect(Collectors.toCollection(LinkedHashSet::new));
        this.jobs = jobs;
        this.meters = meters;
    }

    /** Each reconciliation on one instance at a time across the cluster (its job's lock); one running elsewhere is skipped. */
    @Scheduled(initialDelayString = ReconciliationProperties.INTERVAL, fixedDelayString = ReconciliationProperties.INTERVAL)
    void onSchedule() {
        for (String name : names) {
            try {
                if (jobs.runHere(name).isEmpty()) {
                    log.debug("Reconciliation {} runs elsewhere; skipping this turn", name);
                }
            } catch (RuntimeException e) {
                log.error("Reconciliation {} failed; it resumes next time", name, e);
            }
        }
    }

    /** Starts every reconciliation in the background; one already running is shown as it is. */
    List<JobView> startAll() {
        List<JobView> started = new ArrayList<>();
        for (String name : names) {
            try {
                started.add(jobs.start(name));
            } catch (RejectedRequest alreadyRunning) {
                started.add(jobs.view(name));
            }
        }
        return started;
    }

    @EventListener
    void on(JobCompleted completed) {
        JobView job = completed.job();
        if (names.contains(job.name())) {
            record(new Reconciliation.Report(job.name(), job.done(), job.drifted(), job.repaired()));
        }
    }

    private void record(Reconciliation.Report report) {
        meters.counter("bulkhead.reconciliation.checked", "copy", report.name()).increment(report.checked());
        meters.counter("bulkhead.reconciliation.drifted", "copy", report.name()).increment(report.drifted());
        meters.counter("bulkhead.reconciliation.repaired", "copy", report.name()).increment(report.repaired());
        log.info("Reconciliation {}: checked={} drifted={} repaired={}", report.name(), report.checked(), report.drifted(),
                report.repaired());
    }
}
