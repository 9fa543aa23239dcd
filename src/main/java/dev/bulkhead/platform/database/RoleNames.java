package dev.bulkhead.platform.database;

/**
 * The Postgres roles of one schema owner. The owner role owns the schema and runs its migrations;
 * the app role may only read and write rows of the schema's tables (and the event registry). Both
 * are NOLOGIN: the application's login role holds them as memberships and switches with SET ROLE.
 */
public record RoleNames(String owner, String schema, String ownerRole, String appRole) {

    static RoleNames of(String prefix, String owner, String schema) {
        return new RoleNames(owner, schema, prefix + "_" + owner + "_owner", prefix + "_" + owner + "_app");
    }
}
