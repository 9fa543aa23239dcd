package dev.bulkhead.platform;

/**
 * A job that compares one module's copy of another module's data with its source of truth, in
 * batches, and repairs the drift it finds. Modules implement it for each copy they keep; the
 * platform runs every implementation on a schedule and on demand, and reports the counts.
 */
public interface Reconciliation {

    /** A stable name for logs and metrics, such as {@code billing.user-copy}. */
    String name();

    Report run();

    /**
     * @param checked records compared
     * @param drifted records that differed from the source of truth (missing, changed or orphaned)
     * @param repaired drifted records brought back in line
     */
    record Report(String name, long checked, long drifted, long repaired) {
    }
}
