package dev.bulkhead.platform;

/**
 * How many SQL statements the current thread has prepared, across every module's connections: a
 * request that lists a page should cost the same whatever the page size (no N+1). Kept per thread,
 * so background jobs running meanwhile do not blur the figure.
 */
public final class StatementCount {

    private static final ThreadLocal<long[]> COUNT = ThreadLocal.withInitial(() -> new long[1]);

    private StatementCount() {
    }

    public static long onThisThread() {
        return COUNT.get()[0];
    }

    /** Called by the connection wrapper for every statement it hands out. */
    public static void increment() {
        COUNT.get()[0]++;
    }
}
