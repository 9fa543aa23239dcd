package dev.bulkhead.platform;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A bookkeeping table whose rows matter only for a while (inbox marks, idempotency keys, the registry's completed
 * publications): the platform deletes rows whose {@code timeColumn} is older than {@code keptFor}, in small batches,
 * on a schedule, once across instances (ADR 0033). A module declares each of its own as a bean in its
 * {@code internal} package; the platform never names the module.
 *
 * @param module the module the table belongs to, as meters and the admin view name it
 * @param table the schema-qualified table, in the module's own schema
 * @param timeColumn the column that dates a row; rows older than {@code keptFor} are pruned
 * @param keptFor how long a row is kept after its time
 * @param keepCondition an SQL condition on the row (alias {@code t}) that must also hold for it to be pruned;
 *     {@code true} for none
 * @param owner a class of the owning module: the pruning transactions are named after it, so that they run on that
 *     module's connection pool, as its role (ADR 0006, ADR 0025); a platform class for the registry's tables
 */
public record RetainedTable(String module, String table, String timeColumn, Duration keptFor, String keepCondition,
        Class<?> owner) {

    private static final Pattern QUALIFIED_NAME = Pattern.compile("[a-z_][a-z0-9_]*\\.[a-z_][a-z0-9_]*");
    private static final Pattern COLUMN = Pattern.compile("[a-z_][a-z0-9_]*");

    public RetainedTable {
        // the names go into SQL text: only plain identifiers, so that a declaration cannot smuggle SQL in
        if (!QUALIFIED_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("a retained table is named schema.table in lower case: " + table);
        }
        if (!COLUMN.matcher(timeColumn).matches()) {
            throw new IllegalArgumentException("a retained table's time column is a plain name: " + timeColumn);
        }
        if (keptFor.isNegative() || keptFor.isZero()) {
            throw new IllegalArgumentException("rows of " + table + " must be kept for some time, not " + keptFor);
        }
    }

    /** A table whose rows are all pruned once older than {@code keptFor}. */
    public static RetainedTable of(String module, String table, String timeColumn, Duration keptFor, Class<?> owner) {
        return new RetainedTable(module, table, timeColumn, keptFor, "true", owner);
    }

    /** This table, pruning only the old rows for which {@code condition} (on alias {@code t}) holds too. */
    public RetainedTable keepingUnless(String condition) {
        return new RetainedTable(module, table, timeColumn, keptFor, condition, owner);
    }
}
