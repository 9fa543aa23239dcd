package dev.bulkhead.platform.retention;

import dev.bulkhead.platform.RetainedTable;
import dev.bulkhead.platform.TableRows;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes one table's rows older than its window, a batch at a time, each batch in a short transaction of its own
 * on the owning module's connections. A batch locks only the rows it deletes, and skips any row a business
 * transaction holds ({@code for update skip locked}): pruning never waits for the business path, and the business
 * path waits for pruning only on a row both touch, for one batch at most. A crash loses at most the batch in flight,
 * which rolls back whole; the next run starts from the rows that are still there.
 */
@Component
class TablePruner {

    private final PlatformTransactionManager transactions;
    private final JdbcClient jdbc;

    TablePruner(PlatformTransactionManager transactions, JdbcClient jdbc) {
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    /** What one table's pruning did: rows deleted, batches committed, and whether it stopped before the end. */
    record Pruned(long rows, int batches, boolean stopped) {
    }

    /** How a run leaves room for the business requests between its batches, outside their transactions (ADR 0042). */
    interface Pacing {

        /** None: batch after batch, as fast as the database deletes them. */
        Pacing NONE = new Pacing() {
        };

        /** Before each batch: where the job waits for the requests under way to be answered. */
        default void beforeBatch() {
        }

        /** After a full batch, when another follows: where the job rests. Not after the last batch of a table. */
        default void betweenBatches() {
        }
    }

    /**
     * Deletes the rows older than {@code now - keptFor} until a batch finds fewer than {@code batchSize}, or
     * {@code stop} says to stop (checked before each batch).
     *
     * @param afterBatch told the rows of each committed batch
     */
    Pruned prune(RetainedTable table, Instant now, int batchSize, BooleanSupplier stop, Pacing pacing, LongConsumer afterBatch) {
        TransactionTemplate batch = transactionOf(table);
        String statement = batchStatement(table);
        Timestamp cutoff = Timestamp.from(now.minus(table.keptFor()));
        long rows = 0;
        int batches = 0;
        while (true) {
            if (batches > 0) {
                pacing.betweenBatches();
            }
            if (stop.getAsBoolean()) {
                return new Pruned(rows, batches, true);
            }
            pacing.beforeBatch();
            Integer deleted = batch.execute(status -> jdbc.sql(statement).param(cutoff).param(batchSize).update());
            int count = deleted == null ? 0 : deleted;
            batches++;
            rows += count;
            afterBatch.accept(count);
            if (count < batchSize) {
                return new Pruned(rows, batches, false);
            }
        }
    }

    /** The rows in the table now: exact while small, the planner's estimate once counting would cost ({@link TableRows}). */
    long rowsIn(RetainedTable table) {
        Long rows = transactionOf(table).execute(status -> TableRows.of(jdbc, table.table()));
        return rows == null ? 0 : rows;
    }

    /**
     * One batch: the oldest expired rows, locked unless a business transaction holds them, deleted by their physical
     * address in the same statement (a TID scan: no second look-up by key).
     */
    static String batchStatement(RetainedTable table) {
        return """
                delete from %1$s where ctid = any(array(
                    select t.ctid from %1$s t where t.%2$s < ? and (%3$s)
                    order by t.%2$s limit ? for update skip locked))"""
                .formatted(table.table(), table.timeColumn(), table.keepCondition());
    }

    /** Named after the owning module's class, so the router gives it that module's connection and role (ADR 0006). */
    private TransactionTemplate transactionOf(RetainedTable table) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setName(table.owner().getName() + ".prune");
        return template;
    }
}
