package dev.bulkhead.user.internal;

/**
 * The name of the schema this module owns, declared on the module's package ({@code @OwnsSchema(UserSchema.NAME)})
 * and used by its entity mappings and SQL, so the name is written once.
 */
public final class UserSchema {

    public static final String NAME = "users";

    private UserSchema() {
    }
}
