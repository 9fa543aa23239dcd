package dev.bulkhead.platform.database;

/**
 * The Postgres roles of one schema owner. The owner role owns the schema and runs its migrations;
 * the app role may only read and write rows of the schema's tables (and its own rows of the event
 * registry). Both are NOLOGIN: the owner's pool logs in as the owner's own login role, a member of
 * the app role only, and switches to it with SET ROLE; the migration login is a member of the
 * owner roles and is used only at start-up (ADR 0025).
 */
public record RoleNames(String owner, String schema, String ownerRole, String appRole, String defaultLoginRole) {

    static RoleNames of(String prefix, String owner, String schema) {
        return new RoleNames(owner, schema, prefix + "_" + owner + "_owner", prefix + "_" + owner + "_app",
                prefix + "_" + owner + "_login");
    }
}
