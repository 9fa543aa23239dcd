package dev.bulkhead.docs;

import dev.bulkhead.platform.database.RoleNames;
import dev.bulkhead.testing.DatabaseInspector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each module role may do in each schema, asked of PostgreSQL itself
 * ({@code has_schema_privilege}, {@code has_table_privilege}) after provisioning and migrations,
 * so the page shows the privileges in force, not the ones the provisioning script meant to grant.
 * Two queries in all: the inspector opens a connection per statement.
 */
final class RolePrivileges {

    private static final String[] SCHEMA_PRIVILEGES = { "USAGE", "CREATE" };
    private static final String[] TABLE_PRIVILEGES = { "SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES",
            "TRIGGER" };

    /**
     * @param tablePrivileges per table that the role may touch at all, {@code table: PRIV, PRIV}
     */
    record Grant(String role, String schema, List<String> schemaPrivileges, List<String> tablePrivileges) {

        boolean isEmpty() {
            return schemaPrivileges.isEmpty() && tablePrivileges.isEmpty();
        }
    }

    /** One granted membership: {@code member} may SET ROLE to {@code role}; {@code login} says whether the member can log in. */
    record Membership(String role, String member, boolean login) {
    }

    /** One row-level security policy on a table of the event registry. */
    record Policy(String table, String name, String roles, String command, String using, String withCheck) {
    }

    private final DatabaseInspector database;

    RolePrivileges(DatabaseInspector database) {
        this.database = database;
    }

    /** Every membership of the owners' roles and of their members, superusers aside (they need none). */
    List<Membership> memberships(List<RoleNames> owners) {
        String[] roles = owners.stream().flatMap(owner -> java.util.stream.Stream.of(owner.ownerRole(), owner.appRole()))
                .toArray(String[]::new);
        return database.sql("""
                select r.rolname as role, u.rolname as member, u.rolcanlogin as login
                from pg_auth_members m join pg_roles r on r.oid = m.roleid join pg_roles u on u.oid = m.member
                where not u.rolsuper and r.rolname = any(?::text[])
                order by r.rolname, u.rolname""").param(roles)
                .query((row, n) -> new Membership(row.getString("role"), row.getString("member"), row.getBoolean("login"))).list();
    }

    /** The row-level security policies in force on the registry's tables, as PostgreSQL reports them. */
    List<Policy> policies(String schema) {
        return database.sql("""
                select tablename, policyname, array_to_string(roles, ', ') as roles, cmd, coalesce(qual, '') as qual,
                       coalesce(with_check, '') as with_check
                from pg_policies where schemaname = ? order by tablename, policyname""").param(schema)
                .query((row, n) -> new Policy(row.getString("tablename"), row.getString("policyname"), row.getString("roles"),
                        row.getString("cmd"), row.getString("qual"), row.getString("with_check"))).list();
    }

    /** Every role of every owner, on every schema, including the empty grants: those prove the isolation. */
    List<Grant> grants(List<RoleNames> owners) {
        String[] roles = owners.stream().flatMap(owner -> java.util.stream.Stream.of(owner.ownerRole(), owner.appRole()))
                .toArray(String[]::new);
        String[] schemas = owners.stream().map(RoleNames::schema).toArray(String[]::new);
        Map<String, List<String>> onSchema = new LinkedHashMap<>();
        database.sql("""
                select r.role, s.schema, p.privilege
                from unnest(?::text[]) with ordinality r(role, i) cross join unnest(?::text[]) with ordinality s(schema, j)
                cross join unnest(?::text[]) with ordinality p(privilege, k)
                where has_schema_privilege(r.role, s.schema, p.privilege)
                order by r.i, s.j, p.k""").param(roles).param(schemas).param(SCHEMA_PRIVILEGES).query((row, n) -> onSchema
                .computeIfAbsent(row.getString("role") + "|" + row.getString("schema"), key -> new ArrayList<>())
                .add(row.getString("privilege"))).list();
        Map<String, Map<String, List<String>>> onTables = new LinkedHashMap<>();
        database.sql("""
                select r.role, t.schemaname, t.tablename, p.privilege
                from unnest(?::text[]) with ordinality r(role, i) cross join pg_tables t
                cross join unnest(?::text[]) with ordinality p(privilege, k)
                where t.schemaname = any(?::text[])
                  and has_table_privilege(r.role, format('%I.%I', t.schemaname, t.tablename), p.privilege)
                order by r.i, t.schemaname, t.tablename, p.k""").param(roles).param(TABLE_PRIVILEGES).param(schemas)
                .query((row, n) -> onTables
                        .computeIfAbsent(row.getString("role") + "|" + row.getString("schemaname"), key -> new LinkedHashMap<>())
                        .computeIfAbsent(row.getString("tablename"), key -> new ArrayList<>()).add(row.getString("privilege")))
                .list();
        List<Grant> grants = new ArrayList<>();
        for (String role : roles) {
            for (String schema : schemas) {
                String key = role + "|" + schema;
                List<String> tables = new ArrayList<>();
                onTables.getOrDefault(key, Map.of()).forEach((table, privileges) ->
                        tables.add(table + ": " + String.join(", ", privileges)));
                grants.add(new Grant(role, schema, onSchema.getOrDefault(key, List.of()), tables));
            }
        }
        return grants;
    }
}
