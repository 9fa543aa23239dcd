package dev.bulkhead.platform;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How many rows a table holds, cheaply: the planner's estimate from {@value #EXACT_BELOW} rows up (the rows per page
 * {@code pg_class} recorded at the last analyze, times the table's pages now), and below that, or for a table never
 * analysed, a count by one process. Counting a million rows takes a core for about 200 ms, and with parallel workers
 * every core: background work that wants a total for its progress or its meters would take that from the requests
 * each time it starts (ADR 0042). Call it in a transaction of the table's module, so that its role reads the table.
 */
public final class TableRows {

    /** From here up the figure is the planner's estimate. */
    public static final long EXACT_BELOW = 100_000;

    private TableRows() {
    }

    /** How many rows, and whether the figure is the planner's estimate rather than a count. */
    public record Rows(long rows, boolean estimated) {
    }

    /** @param table the qualified table name, {@code schema.table} */
    public static long of(JdbcClient jdbc, String table) {
        return counted(jdbc, table).rows();
    }

    /** As {@link #of}, saying whether the figure was estimated: for a page that shows it to an operator. */
    public static Rows counted(JdbcClient jdbc, String table) {
        // as the planner does: the rows per page at the last analyze, times the pages the table has now, so that a table
        // filled since (a rebuilt read model, before autovacuum has analysed it) is not taken for its size back then
        long estimate = jdbc.sql("""
                SELECT coalesce((SELECT CASE WHEN c.relpages > 0 AND c.reltuples > 0
                    THEN (c.reltuples / c.relpages * (pg_relation_size(c.oid) / current_setting('block_size')::numeric))::bigint
                    ELSE -1 END
                FROM pg_class c WHERE c.oid = to_regclass(cast(? as text))), -1)""")
                .param(table).query(Long.class).single();
        if (estimate >= EXACT_BELOW) {
            return new Rows(estimate, true);
        }
        jdbc.sql("SET LOCAL max_parallel_workers_per_gather = 0").update();
        return new Rows(jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single(), false);
    }
}
