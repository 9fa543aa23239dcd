package dev.bulkhead.platform.retention;

import dev.bulkhead.platform.ClusterLock;
import dev.bulkhead.platform.RetainedTable;
import dev.bulkhead.platform.web.RequestsInFlight;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Prunes every {@link RetainedTable} the hosted modules declare, every {@code bulkhead.retention.interval}, on one
 * instance at a time ({@link ClusterLock}, ADR 0013), one table after the other in batches
 * ({@link TablePruner}). A table that fails is logged and left for the next run; the others go on. Counts each
 * committed batch's rows ({@code bulkhead.retention.pruned{module,table}}) and the rows left after the run
 * ({@code bulkhead.retention.left{module,table}}), and logs one line per table per run. Stops between two batches
 * when the application shuts down. Each batch waits first, up to {@code bulkhead.retention.give-way-to-requests}, for
 * the requests this instance is answering, and a full batch is followed by a rest of
 * {@code bulkhead.retention.pause-between-batches} (ADR 0042).
 */
@Component
class RetentionJob {

    static final String JOB = "retention";

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final List<TableState> tables;
    private final TablePruner pruner;
    private final ClusterLock lock;
    private final RetentionProperties retention;
    private final Clock clock;
    private final RequestsInFlight requests;
    private final BatchPacing pacing = new BatchPacing();
    private volatile boolean stopping;

    RetentionJob(List<RetainedTable> tables, TablePruner pruner, ClusterLock lock, RetentionProperties retention,
            Clock clock, MeterRegistry meters, RequestsInFlight requests) {
        this.tables = tables.stream().map(table -> new TableState(table, meters)).toList();
        this.pruner = pruner;
        this.lock = lock;
        this.retention = retention;
        this.clock = clock;
        this.requests = requests;
    }

    @Scheduled(initialDelayString = RetentionProperties.INTERVAL, fixedDelayString = RetentionProperties.INTERVAL)
    void onSchedule() {
        runExclusively();
    }

    /** @return false when another instance (or thread) is pruning: this call did nothing */
    boolean runExclusively() {
        return lock.runExclusively(JOB, this::pruneAll);
    }

    /** One run over every table, without the lock. */
    void pruneAll() {
        for (TableState state : tables) {
            if (stopping) {
                log.info("Retention: stopped before {} (shutting down)", state.table.table());
                return;
            }
            prune(state);
        }
    }

    List<TableStatus> status() {
        return tables.stream().map(TableState::status).toList();
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        stopping = true;
    }

    /** Waits for the requests under way before each batch, and rests after each full one (ADR 0042). */
    private final class BatchPacing implements TablePruner.Pacing {

        @Override
        public void beforeBatch() {
            requests.awaitNone(retention.giveWayToRequests());
        }

        @Override
        public void betweenBatches() {
            if (retention.pauseBetweenBatches().isZero() || stopping) {
                return;
            }
            try {
                Thread.sleep(retention.pauseBetweenBatches().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted between batches", e);
            }
        }
    }

    private void prune(TableState state) {
        RetainedTable table = state.table;
        Instant started = clock.instant();
        AtomicLong prunedThisRun = new AtomicLong();
        try {
            TablePruner.Pruned pruned = pruner.prune(table, started, retention.batchSize(), () -> stopping, pacing, rows -> {
                prunedThisRun.addAndGet(rows);
                state.pruned.increment(rows);
            });
            state.left.set(pruner.rowsIn(table));
            log.info("Retention of {} ({}): pruned {} row(s) older than {} in {} batch(es){}, {} left", table.table(), table.module(),
                    pruned.rows(), table.keptFor(), pruned.batches(), pruned.stopped() ? " (stopped: shutting down)" : "",
                    state.left.get());
        } catch (RuntimeException e) {
            log.warn("Retention of {} ({}): failed after pruning {} row(s); the rest is pruned next run", table.table(),
                    table.module(), prunedThisRun.get(), e);
        } finally {
            state.ran(started, prunedThisRun.get());
        }
    }

    /** One table's figures on this instance, and its meters. */
    private static final class TableState {

        private final RetainedTable table;
        private final Counter pruned;
        private final AtomicLong left = new AtomicLong(-1);
        private volatile @Nullable Instant lastRunAt;
        private volatile long prunedLastRun;
        private volatile long prunedTotal;

        TableState(RetainedTable table, MeterRegistry meters) {
            this.table = table;
            this.pruned = Counter.builder("bulkhead.retention.pruned").description("rows deleted by the retention job")
                    .tag("module", table.module()).tag("table", table.table()).register(meters);
            Gauge.builder("bulkhead.retention.left", left, rows -> rows.get() < 0 ? Double.NaN : rows.get())
                    .description("rows in the table after the last pruning run (an estimate in large tables)")
                    .tag("module", table.module()).tag("table", table.table()).register(meters);
        }

        void ran(Instant at, long rows) {
            lastRunAt = at;
            prunedLastRun = rows;
            prunedTotal += rows;
        }

        TableStatus status() {
            long rows = left.get();
            return new TableStatus(table.module(), table.table(), table.keptFor().toString(), lastRunAt, prunedLastRun,
                    prunedTotal, rows < 0 ? null : rows);
        }
    }
}
