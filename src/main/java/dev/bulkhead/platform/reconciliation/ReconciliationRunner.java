package dev.bulkhead.platform.reconciliation;

import dev.bulkhead.platform.ClusterLock;
import dev.bulkhead.platform.Reconciliation;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs every {@link Reconciliation} the modules provide, on a schedule
 * ({@link ReconciliationProperties#interval()}) and on demand, and publishes
 * each run's counts as a log line and as metrics ({@code bulkhead.reconciliation.*{copy}}).
 */
@Component
@EnableConfigurationProperties(ReconciliationProperties.class)
class ReconciliationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationRunner.class);

    private final List<Reconciliation> reconciliations;
    private final MeterRegistry meters;
    private final ClusterLock lock;

    ReconciliationRunner(List<Reconciliation> reconciliations, MeterRegistry meters, ClusterLock lock) {
        this.reconciliations = reconciliations;
        this.meters = meters;
        this.lock = lock;
    }

    /** On one instance at a time across the cluster. */
    @Scheduled(initialDelayString = ReconciliationProperties.INTERVAL, fixedDelayString = ReconciliationProperties.INTERVAL)
    void onSchedule() {
        lock.runExclusively("reconciliation", this::runAll);
    }

    synchronized List<Reconciliation.Report> runAll() {
        List<Reconciliation.Report> reports = new ArrayList<>();
        for (Reconciliation reconciliation : reconciliations) {
            try {
                Reconciliation.Report report = reconciliation.run();
                record(report);
                reports.add(report);
            } catch (RuntimeException e) {
                log.error("Reconciliation {} failed; it runs again next time", reconciliation.name(), e);
            }
        }
        return reports;
    }

    private void record(Reconciliation.Report report) {
        meters.counter("bulkhead.reconciliation.checked", "copy", report.name()).increment(report.checked());
        meters.counter("bulkhead.reconciliation.drifted", "copy", report.name()).increment(report.drifted());
        meters.counter("bulkhead.reconciliation.repaired", "copy", report.name()).increment(report.repaired());
        log.info("Reconciliation {}: checked={} drifted={} repaired={}", report.name(), report.checked(), report.drifted(),
                report.repaired());
    }
}
