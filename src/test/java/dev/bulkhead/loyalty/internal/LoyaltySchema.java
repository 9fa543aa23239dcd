package dev.bulkhead.loyalty.internal;

/** The schema the loyalty module owns, declared on its package and used by its entity. */
public final class LoyaltySchema {

    public static final String NAME = "loyalty";

    private LoyaltySchema() {
    }
}
