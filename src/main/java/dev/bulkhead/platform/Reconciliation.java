package dev.bulkhead.platform;


/**
 * A job that compares one module's copy of another module's data with its source of truth, a page at a time, and
 * repairs the drift it finds. Modules implement it for each copy they keep; the platform runs every implementation as
 * a {@link PagedJob} (each page its own transaction, resumable, ADR 0034) on a schedule and on demand, and reports the
 * counts of each completed run.
 */
public interface Reconciliation extends PagedJob {

    /**
     * @param checked records compared
     * @param drifted records that differed from the source of truth (missing, changed or orphaned)
     * @param repaired drifted records brought back in line
     */
    record Report(String name, long checked, long drifted, long repaired) {
    }
}
