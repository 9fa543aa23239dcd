package dev.bulkhead.platform.database;

import dev.bulkhead.platform.ModuleSchemas;
import dev.bulkhead.platform.modules.ActiveModules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The idempotent SQL that creates Bulkhead's roles, schemas and grants. Run by the application at
 * start-up from an administrator connection, or printed for a DBA ({@code java -jar bulkhead.jar
 * --print-provisioning-sql}) to run with psql. Every statement can run again without harm.
 *
 * <p>The privilege matrix it produces: each owner role owns exactly its schema; each app role has
 * USAGE on its own schema and SELECT, INSERT, UPDATE, DELETE on its tables (USAGE, SELECT on its
 * sequences); every module's app role may also read and write the event registry, because
 * publishing an event happens in the module's own transaction. Nothing on another module's schema,
 * no REFERENCES, TRIGGER or TRUNCATE anywhere, nothing for PUBLIC.
 */
public final class ProvisioningScript {

    /** Serialises concurrent provisioning by several instances starting at once. */
    static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext('bulkhead-provisioning'))";

    private final String prefix;
    private final ActiveModules modules;

    /** For the monolith: every module's schema. */
    public ProvisioningScript(String prefix) {
        this(prefix, ActiveModules.all());
    }

    /** For a process hosting only some modules: their schemas and the registry's, nothing of the others. */
    public ProvisioningScript(String prefix, ActiveModules modules) {
        this.prefix = prefix;
        this.modules = modules;
    }

    /** The roles of every schema owner hosted here, registry first. */
    public List<RoleNames> owners() {
        List<RoleNames> owners = new ArrayList<>();
        for (Map.Entry<String, String> owner : ModuleSchemas.schemaByOwner().entrySet()) {
            if (modules.hostsSchemaOwner(owner.getKey())) {
                owners.add(RoleNames.of(prefix, owner.getKey(), owner.getValue()));
            }
        }
        return owners;
    }

    /** The roles of the registry schema. */
    public RoleNames registry() {
        return RoleNames.of(prefix, ModuleSchemas.EVENT_REGISTRY_OWNER, ModuleSchemas.EVENT_REGISTRY);
    }

    /** Statements for roles, schemas and grants; the login role is handled separately (it carries a password). */
    List<String> statements(String loginRole) {
        List<String> sql = new ArrayList<>();
        for (RoleNames roles : owners()) {
            sql.add(createRoleIfMissing(roles.ownerRole()));
            sql.add(createRoleIfMissing(roles.appRole()));
            // the login role switches to these with SET ROLE; NOINHERIT keeps it powerless otherwise
            sql.add("GRANT " + id(roles.ownerRole()) + ", " + id(roles.appRole()) + " TO " + id(loginRole));
            sql.add("GRANT " + id(roles.ownerRole()) + " TO CURRENT_USER");
            sql.add("CREATE SCHEMA IF NOT EXISTS " + id(roles.schema()) + " AUTHORIZATION " + id(roles.ownerRole()));
            sql.add("ALTER SCHEMA " + id(roles.schema()) + " OWNER TO " + id(roles.ownerRole()));
            sql.add("REVOKE ALL ON SCHEMA " + id(roles.schema()) + " FROM PUBLIC");
        }
        RoleNames registry = registry();
        for (RoleNames roles : owners()) {
            grantRowAccess(sql, roles, roles.appRole());
            if (!roles.equals(registry)) {
                grantRowAccess(sql, registry, roles.appRole());
            }
        }
        return sql;
    }

    /** The whole script for psql, with the login role and its password as psql variables. */
    public String forPsql() {
        StringBuilder script = new StringBuilder();
        script.append("-- Bulkhead database provisioning: roles, schemas and grants. Idempotent.\n")
                .append("-- Run as a superuser (or a role with CREATEROLE that may create schemas):\n")
                .append("--   psql -v login_role=bulkhead -v login_password=... -f provisioning.sql <database>\n")
                .append("-- The application then connects as login_role (SPRING_DATASOURCE_USERNAME/PASSWORD).\n")
                .append("\\set ON_ERROR_STOP on\n")
                .append("BEGIN;\n")
                .append(LOCK).append(";\n")
                .append("SELECT format('CREATE ROLE %I LOGIN NOINHERIT', :'login_role')\n")
                .append("  WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'login_role') \\gexec\n")
                .append("ALTER ROLE :\"login_role\" NOINHERIT PASSWORD :'login_password';\n");
        for (String statement : statements("__LOGIN__")) {
            script.append(statement.replace("\"__LOGIN__\"", ":\"login_role\"")).append(";\n");
        }
        return script.append("COMMIT;\n").toString();
    }

    private void grantRowAccess(List<String> sql, RoleNames schemaOwner, String grantee) {
        String schema = id(schemaOwner.schema());
        String owner = id(schemaOwner.ownerRole());
        sql.add("GRANT USAGE ON SCHEMA " + schema + " TO " + id(grantee));
        sql.add("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + schema + " TO " + id(grantee));
        sql.add("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA " + schema + " TO " + id(grantee));
        sql.add("ALTER DEFAULT PRIVILEGES FOR ROLE " + owner + " IN SCHEMA " + schema
                + " GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO " + id(grantee));
        sql.add("ALTER DEFAULT PRIVILEGES FOR ROLE " + owner + " IN SCHEMA " + schema
                + " GRANT USAGE, SELECT ON SEQUENCES TO " + id(grantee));
    }

    private static String createRoleIfMissing(String role) {
        return "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = " + literal(role)
                + ") THEN CREATE ROLE " + id(role) + " NOLOGIN; END IF; END $$";
    }

    /** A quoted identifier: role and schema names come from configuration, so never trust them raw. */
    static String id(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
