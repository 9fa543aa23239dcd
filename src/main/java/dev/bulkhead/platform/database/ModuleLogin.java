package dev.bulkhead.platform.database;

import java.util.Locale;

/**
 * The PostgreSQL login one schema owner's pool connects as at run time. It is a member of that
 * owner's app role and of nothing else, so a module's connection cannot become another module's
 * role or any owner role, whatever SQL it sends (ADR 0025).
 *
 * @param owner the schema owner ({@code events}, {@code user}, {@code billing}, ...)
 */
public record ModuleLogin(String owner, String username, String password) {

    /** The environment variable that sets this owner's password: {@code BULKHEAD_DATABASE_LOGINS_BILLING_PASSWORD}. */
    public static String passwordVariable(String owner) {
        return "BULKHEAD_DATABASE_LOGINS_" + owner.toUpperCase(Locale.ROOT).replace('-', '_') + "_PASSWORD";
    }

    /** The same setting as a property: {@code bulkhead.database.logins.billing.password}. */
    public static String passwordProperty(String owner) {
        return "bulkhead.database.logins." + owner + ".password";
    }

    @Override
    public String toString() {
        return "ModuleLogin[owner=" + owner + ", username=" + username + "]";
    }
}
