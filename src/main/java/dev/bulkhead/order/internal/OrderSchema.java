package dev.bulkhead.order.internal;

/**
 * The name of the schema this module owns, declared on the module's package ({@code @OwnsSchema(OrderSchema.NAME)})
 * and used by its entity mappings and SQL, so the name is written once.
 */
public final class OrderSchema {

    public static final String NAME = "orders";

    private OrderSchema() {
    }
}
