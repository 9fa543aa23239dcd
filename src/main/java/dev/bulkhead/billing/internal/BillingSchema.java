package dev.bulkhead.billing.internal;

/**
 * The name of the schema this module owns, declared on the module's package ({@code @OwnsSchema(BillingSchema.NAME)})
 * and used by its entity mappings and SQL, so the name is written once.
 */
public final class BillingSchema {

    public static final String NAME = "billing";

    private BillingSchema() {
    }
}
