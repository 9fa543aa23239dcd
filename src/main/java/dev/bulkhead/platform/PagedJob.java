package dev.bulkhead.platform;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A large job that a module runs a page at a time (ADR 0034). The platform ({@link Jobs}) drives it: it asks
 * for the next page after the last committed cursor, outside any transaction (a page may be read from another
 * process over HTTP, ADR 0027), then applies the page in {@link #inTransaction one transaction of the module's
 * own} that also writes the job's checkpoint (cursor, counts) into {@code job_checkpoints} in the module's schema.
 * A crash after that commit resumes at the next page; a crash before it redoes only that page.
 *
 * <p>A cursor is the job's own text: it may name a phase as well as a position ({@code "orders:<id>"}).
 */
public interface PagedJob {

    /** A stable name for logs, metrics and the admin endpoints, such as {@code billing.user-copy}. */
    String name();

    /** The module's schema, which holds the job's {@code job_checkpoints} row. */
    String schema();

    /**
     * Runs {@code work} in a transaction of the job's module: named after a class of the module, so the router
     * gives it the module's connection (ADR 0006).
     */
    <T> T inTransaction(Supplier<T> work);

    /** How many items a whole run handles, from a cheap count or estimate; for progress only. */
    long estimateTotal();

    /** Prepares a run from the start; in the transaction that resets the checkpoint. */
    default void begin() {
    }

    /**
     * Reads the page after {@code cursor} ({@code null}: from the start), at most {@code size} items per read.
     * Called outside any transaction; a page read from the module's own tables may use a short read transaction.
     */
    Page nextPage(@Nullable String cursor, int size);

    /**
     * Whether the platform may read the next page while the current one is applied, on another thread: only when
     * {@link #nextPage} never depends on what the pages before it wrote (a page that is a range of the source, written
     * into the range of the copy, does not; a page that takes "the first rows left" does). The platform does so only
     * where an operator switched reading ahead on ({@code bulkhead.jobs.read-ahead}; ADR 0042).
     */
    default boolean readsAhead() {
        return false;
    }

    /** Finishes a run after its last page; in the transaction that marks the checkpoint complete. */
    default void complete() {
    }

    /** One page: what it changes, and where the next one starts. */
    interface Page {

        /**
         * Applies the page; inside the module's transaction, which then writes the checkpoint. A page that writes many
         * rows writes them {@link Pacing#rowsPerStatement() a few at a time} and lets the requests under way be
         * answered between its statements ({@link Pacing#betweenStatements()}).
         */
        Applied apply(Pacing pacing);

        /** The cursor the next page starts after. */
        @Nullable String cursorAfter();

        /** Whether this is the run's last page: after it the run is complete. */
        boolean last();
    }

    /**
     * How a page shares the cores with the requests this instance is answering (ADR 0042), given by the platform to
     * each page it applies. A page of a thousand rows written in one statement takes both cores for some 40 ms
     * (the application's thread and PostgreSQL's process), and every request that arrives meanwhile waits for a core
     * at each of its round trips; written a hundred rows at a time, with the requests under way answered in between,
     * it holds them for a few milliseconds at a time and still commits once.
     */
    interface Pacing {

        /** How many rows one statement of the page should write or compare ({@code bulkhead.jobs.rows-per-statement}). */
        int rowsPerStatement();

        /**
         * Waits until no request is being answered here, before the page's next statement. The waits of one page add up
         * to at most {@code bulkhead.jobs.give-way-to-requests}: its transaction holds the rows it wrote meanwhile.
         */
        void betweenStatements();
    }

    /**
     * What one page did.
     *
     * @param done items handled, for progress
     * @param drifted items that differed from their source of truth
     * @param repaired drifted items brought back in line
     */
    record Applied(long done, long drifted, long repaired) {

        public static final Applied NOTHING = new Applied(0, 0, 0);
    }
}
