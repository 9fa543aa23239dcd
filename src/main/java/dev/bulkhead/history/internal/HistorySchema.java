package dev.bulkhead.history.internal;

/**
 * The name of the schema this module owns, declared on the module's package ({@code @OwnsSchema(HistorySchema.NAME)})
 * and used by its entity mappings and SQL, so the name is written once.
 */
public final class HistorySchema {

    public static final String NAME = "order_history";

    private HistorySchema() {
    }
}
