package dev.bulkhead.platform.database;

import dev.bulkhead.platform.RegistrySchema;
import dev.bulkhead.platform.modules.DeclaredModules;
import dev.bulkhead.platform.modules.ActiveModules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The idempotent SQL that creates Bulkhead's roles, logins, schemas and grants. Run by the
 * application at start-up from an administrator connection, or printed for a DBA ({@code java -jar
 * bulkhead.jar --print-provisioning-sql}) to run with psql. Every statement can run again without harm.
 *
 * <p>The identities it produces (ADR 0025): per schema owner a NOLOGIN owner role that owns the
 * schema, a NOLOGIN app role with row access to the schema's tables, and a login role that is a
 * member of that app role and of nothing else; the migration login (the one the application starts
 * with) is a member of the owner roles, used only at start-up. Any other membership of these roles
 * is revoked, so the membership graph is exactly the declared one. Module app roles get USAGE on the
 * event registry schema; their table privileges and row policies there are applied after the
 * registry's migrations ({@link RegistryRowAccess}). Nothing on another module's schema, no
 * REFERENCES, TRIGGER or TRUNCATE anywhere, nothing for PUBLIC.
 */
public final class ProvisioningScript {

    /** Serialises concurrent provisioning by several instances starting at once. */
    static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext('bulkhead-provisioning'))";

    /** Stands for the migration login in the generated statements; psql fills in its variable. */
    private static final String MIGRATION_LOGIN = "__MIGRATION_LOGIN__";

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
        for (Map.Entry<String, String> owner : DeclaredModules.application().schemaByOwner().entrySet()) {
            if (modules.hostsSchemaOwner(owner.getKey())) {
                owners.add(RoleNames.of(prefix, owner.getKey(), owner.getValue()));
            }
        }
        return owners;
    }

    /** The roles of the registry schema. */
    public RoleNames registry() {
        return RoleNames.of(prefix, RegistrySchema.OWNER, RegistrySchema.NAME);
    }

    /** The owners whose code is a business module: every hosted owner but the registry. */
    List<RoleNames> moduleOwners() {
        return owners().stream().filter(owner -> !owner.equals(registry())).toList();
    }

    /**
     * Every membership among the roles this script manages, as {@code role → member} pairs: each app role
     * has its module's login as sole member, each owner role the migration login.
     */
    public List<Membership> memberships(String migrationLogin, List<ModuleLogin> logins) {
        List<Membership> memberships = new ArrayList<>();
        for (RoleNames roles : owners()) {
            memberships.add(new Membership(roles.appRole(), loginOf(roles, logins)));
            memberships.add(new Membership(roles.ownerRole(), migrationLogin));
        }
        return memberships;
    }

    /** One granted membership: {@code member} may SET ROLE to {@code role}. */
    public record Membership(String role, String member) {
    }

    /**
     * Statements for roles, schemas, memberships and grants, after the logins exist (they carry
     * passwords, so they are created separately). The last statement is a query whose rows are the
     * REVOKE statements that remove undeclared memberships; run each row.
     */
    List<String> statements(String migrationLogin, List<ModuleLogin> logins) {
        List<String> sql = new ArrayList<>();
        for (RoleNames roles : owners()) {
            sql.add(createRoleIfMissing(roles.ownerRole()));
            sql.add(createRoleIfMissing(roles.appRole()));
        }
        for (Membership membership : memberships(migrationLogin, logins)) {
            sql.add("GRANT " + id(membership.role()) + " TO " + id(membership.member()));
        }
        for (RoleNames roles : owners()) {
            // the provisioning connection creates the schema for its owner and migrates as that owner
            sql.add("GRANT " + id(roles.ownerRole()) + " TO CURRENT_USER");
            sql.add("CREATE SCHEMA IF NOT EXISTS " + id(roles.schema()) + " AUTHORIZATION " + id(roles.ownerRole()));
            sql.add("ALTER SCHEMA " + id(roles.schema()) + " OWNER TO " + id(roles.ownerRole()));
            sql.add("REVOKE ALL ON SCHEMA " + id(roles.schema()) + " FROM PUBLIC");
            for (String extension : extensionsOf(roles)) {
                sql.add("CREATE EXTENSION IF NOT EXISTS " + id(extension) + " SCHEMA " + id(roles.schema()));
                sql.add(extensionInItsSchema(extension, roles));
            }
            grantRowAccess(sql, roles);
        }
        RoleNames registry = registry();
        for (RoleNames roles : moduleOwners()) {
            sql.add("GRANT USAGE ON SCHEMA " + id(registry.schema()) + " TO " + id(roles.appRole()));
            // table privileges on the registry are per table (RegistryRowAccess); undo the blanket defaults of old
            sql.add("ALTER DEFAULT PRIVILEGES FOR ROLE " + id(registry.ownerRole()) + " IN SCHEMA " + id(registry.schema())
                    + " REVOKE ALL ON TABLES FROM " + id(roles.appRole()));
            sql.add("ALTER DEFAULT PRIVILEGES FOR ROLE " + id(registry.ownerRole()) + " IN SCHEMA " + id(registry.schema())
                    + " REVOKE ALL ON SEQUENCES FROM " + id(roles.appRole()));
        }
        sql.add(undeclaredMemberships(migrationLogin, logins));
        return sql;
    }

    /**
     * A query listing {@code REVOKE role FROM member} for every membership that touches a managed role or a
     * module login and is not declared: a module login belongs to its app role only and has no members, an
     * app role has only its login, an owner role only the migration login and the provisioning connection.
     * Superusers pass every check anyway and are left alone.
     */
    private String undeclaredMemberships(String migrationLogin, List<ModuleLogin> logins) {
        List<String> managed = new ArrayList<>();
        owners().forEach(roles -> managed.addAll(List.of(roles.ownerRole(), roles.appRole())));
        List<String> moduleLogins = owners().stream().map(roles -> loginOf(roles, logins)).toList();
        managed.addAll(moduleLogins);
        String declared = memberships(migrationLogin, logins).stream()
                .map(pair -> "(" + literal(pair.role()) + ", " + literal(pair.member()) + ")")
                .collect(Collectors.joining(", "));
        String ownerRoles = owners().stream().map(roles -> literal(roles.ownerRole())).collect(Collectors.joining(", "));
        return "SELECT format('REVOKE %I FROM %I', r.rolname, u.rolname)"
                + " FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles u ON u.oid = m.member"
                + " WHERE (r.rolname IN (" + literals(managed) + ") OR u.rolname IN (" + literals(moduleLogins) + "))"
                + " AND NOT u.rolsuper"
                + " AND (r.rolname, u.rolname) NOT IN (" + declared + ")"
                + " AND NOT (r.rolname IN (" + ownerRoles + ") AND u.rolname = current_user)";
    }

    /** The whole script for psql, with the logins' passwords as psql variables. */
    public String forPsql() {
        List<ModuleLogin> logins = owners().stream()
                .map(roles -> new ModuleLogin(roles.owner(), roles.defaultLoginRole(), null)).toList();
        StringBuilder script = new StringBuilder();
        script.append("-- Bulkhead database provisioning: roles, logins, schemas and grants. Idempotent.\n")
                .append("-- Run as a superuser (or a role with CREATEROLE that may create schemas):\n")
                .append("--   psql -v migration_role=bulkhead -v migration_password=...");
        owners().forEach(roles -> script.append(" -v ").append(passwordVariable(roles)).append("=..."));
        script.append(" -f provisioning.sql <database>\n")
                .append("-- The application starts as migration_role (SPRING_DATASOURCE_USERNAME/PASSWORD) to migrate each\n")
                .append("-- schema as its owner, then serves with one login per module, member of that module's app role only:\n");
        for (ModuleLogin login : logins) {
            script.append("--   ").append(login.username()).append(": ").append(ModuleLogin.passwordVariable(login.owner()))
                    .append(" (psql variable ").append(passwordVariable(login.owner())).append(")\n");
        }
        script.append("-- After migrating the event registry the application grants each module its own rows there (row-level security).\n")
                .append("\\set ON_ERROR_STOP on\n")
                .append("BEGIN;\n")
                .append(LOCK).append(";\n")
                .append("SELECT format('CREATE ROLE %I LOGIN NOINHERIT', :'migration_role')\n")
                .append("  WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'migration_role') \\gexec\n")
                .append("ALTER ROLE :\"migration_role\" NOINHERIT PASSWORD :'migration_password';\n");
        for (ModuleLogin login : logins) {
            script.append(createRoleIfMissing(login.username())).append(";\n")
                    .append("ALTER ROLE ").append(id(login.username())).append(' ').append(MODULE_LOGIN_ATTRIBUTES)
                    .append(" PASSWORD :'").append(passwordVariable(login.owner())).append("';\n");
        }
        List<String> statements = statements(MIGRATION_LOGIN, logins);
        for (String statement : statements.subList(0, statements.size() - 1)) {
            script.append(forPsql(statement)).append(";\n");
        }
        script.append(forPsql(statements.get(statements.size() - 1))).append(" \\gexec\n");
        return script.append("COMMIT;\n").toString();
    }

    /** What a module login may be: able to log in, and nothing more (no inheritance, no bypassing row security). */
    static final String MODULE_LOGIN_ATTRIBUTES = "LOGIN NOINHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS";

    private static String forPsql(String statement) {
        return statement.replace(id(MIGRATION_LOGIN), ":\"migration_role\"").replace(literal(MIGRATION_LOGIN), ":'migration_role'");
    }

    private static String passwordVariable(RoleNames roles) {
        return passwordVariable(roles.owner());
    }

    private static String passwordVariable(String owner) {
        return owner.replaceAll("[^A-Za-z0-9]", "_") + "_password";
    }

    private static String loginOf(RoleNames roles, List<ModuleLogin> logins) {
        return logins.stream().filter(login -> login.owner().equals(roles.owner())).map(ModuleLogin::username).findFirst()
                .orElse(roles.defaultLoginRole());
    }

    private void grantRowAccess(List<String> sql, RoleNames roles) {
        String schema = id(roles.schema());
        String owner = id(roles.ownerRole());
        String grantee = id(roles.appRole());
        sql.add("GRANT USAGE ON SCHEMA " + schema + " TO " + grantee);
        sql.add("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + schema + " TO " + grantee);
        sql.add("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA " + schema + " TO " + grantee);
        sql.add("ALTER DEFAULT PRIVILEGES FOR ROLE " + owner + " IN SCHEMA " + schema
                + " GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO " + grantee);
        sql.add("ALTER DEFAULT PRIVILEGES FOR ROLE " + owner + " IN SCHEMA " + schema
                + " GRANT USAGE, SELECT ON SEQUENCES TO " + grantee);
    }

    /** What the owner's module declares ({@link dev.bulkhead.platform.OwnsSchema#extensions}); none for the registry. */
    static List<String> extensionsOf(RoleNames roles) {
        return DeclaredModules.application().named(roles.owner())
                .map(DeclaredModules.DeclaredModule::extensions).orElse(List.of());
    }

    /**
     * An extension lives in one schema of a database: one installed elsewhere before (by a DBA, say, in {@code public})
     * makes {@code CREATE EXTENSION IF NOT EXISTS} do nothing, and the module's migrations would then fail on a name
     * they cannot see. Stop here instead, saying what to do.
     */
    private static String extensionInItsSchema(String extension, RoleNames roles) {
        return "DO $$ DECLARE installed_in name; BEGIN SELECT n.nspname INTO installed_in FROM pg_extension e JOIN pg_namespace n"
                + " ON n.oid = e.extnamespace WHERE e.extname = " + literal(extension) + "; IF installed_in IS DISTINCT FROM "
                + literal(roles.schema()) + " THEN RAISE EXCEPTION '%', format('the %s module needs the extension %s in its schema %s,"
                + " but it is installed in %s; move it (ALTER EXTENSION %s SET SCHEMA %s) or drop it', "
                + literal(roles.owner()) + ", " + literal(extension) + ", " + literal(roles.schema()) + ", installed_in, "
                + literal(extension) + ", " + literal(roles.schema()) + "); END IF; END $$";
    }

    static String createRoleIfMissing(String role) {
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

    private static String literals(List<String> values) {
        return values.stream().map(ProvisioningScript::literal).collect(Collectors.joining(", "));
    }
}
