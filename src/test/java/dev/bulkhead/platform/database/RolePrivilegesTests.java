package dev.bulkhead.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.testing.DatabaseInspector;
import dev.bulkhead.testing.IntegrationTest;
import dev.bulkhead.testing.TestDatabaseConfiguration;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The privileges in the real database, compared with the matrix Bulkhead promises. The matrix is
 * written out here by hand, independently of the code that grants it, so a wrong grant fails.
 */
@IntegrationTest
class RolePrivilegesTests {

    private static final List<String> TABLE_PRIVILEGES = List.of("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE",
            "REFERENCES", "TRIGGER");
    private static final Set<String> ROW_ACCESS = Set.of("SELECT", "INSERT", "UPDATE", "DELETE");
    /** Written out by hand, the test sources' loyalty module included. */
    private static final Map<String, String> SCHEMA_OF_OWNER = Map.of("events", "events", "user", "users",
            "billing", "billing", "order", "orders", "history", "order_history", "loyalty", "loyalty");
    private static final String HISTORY = "flyway_schema_history";
    /** What a module's role may do in the shared registry; the rows it reaches are narrowed further by row-level security. */
    private static final Map<String, Set<String>> MODULE_REGISTRY_TABLES = Map.of(
            "event_publication", ROW_ACCESS, "publication_failures", Set.of("SELECT", "INSERT"));

    @Autowired
    DatabaseInspector jdbc;

    @Test
    void every_role_has_exactly_the_declared_privileges_on_every_schema_and_table() {
        // every role, schema (or table) and privilege asked of the database in one statement each: the same checks
        // one round trip apiece took 12 s of the build
        String[] roles = roles().toArray(String[]::new);
        String[] schemas = SCHEMA_OF_OWNER.values().toArray(String[]::new);
        List<String> differences = new ArrayList<>();
        List<Map<String, Object>> onSchemas = jdbc.sql("""
                select r.role, s.schema, p.privilege, has_schema_privilege(r.role, s.schema, p.privilege) as granted
                from unnest(cast(? as text[])) r(role) cross join unnest(cast(? as text[])) s(schema)
                cross join unnest(array['USAGE', 'CREATE']) p(privilege)""").param(roles).param(schemas).query().listOfRows();
        for (Map<String, Object> row : onSchemas) {
            String role = (String) row.get("role");
            String schema = (String) row.get("schema");
            String privilege = (String) row.get("privilege");
            if ((Boolean) row.get("granted") != expectedOnSchema(role, schema, privilege)) {
                differences.add(role + " " + privilege + " on schema " + schema + ": " + row.get("granted"));
            }
        }
        List<Map<String, Object>> onTables = jdbc.sql("""
                select r.role, t.table_schema as schema, t.table_name as "table", p.privilege,
                    has_table_privilege(r.role, t.table_schema || '.' || t.table_name, p.privilege) as granted
                from unnest(cast(? as text[])) r(role) cross join information_schema.tables t
                cross join unnest(cast(? as text[])) p(privilege)
                where t.table_schema = any(cast(? as text[]))""")
                .param(roles).param(TABLE_PRIVILEGES.toArray(String[]::new)).param(schemas).query().listOfRows();
        for (Map<String, Object> row : onTables) {
            String role = (String) row.get("role");
            String schema = (String) row.get("schema");
            String table = (String) row.get("table");
            String privilege = (String) row.get("privilege");
            if ((Boolean) row.get("granted") != expectedOnTable(role, schema, table, privilege)) {
                differences.add(role + " " + privilege + " on " + schema + "." + table + ": " + row.get("granted"));
            }
        }
        assertThat(onSchemas).as("checks on schemas: every role, schema and privilege").hasSize(roles.length * schemas.length * 2);
        assertThat(onTables).as("checks on tables: every role, table and privilege, each schema with its tables")
                .hasSizeGreaterThanOrEqualTo(roles.length * schemas.length * TABLE_PRIVILEGES.size());
        assertThat(differences).as("privileges that differ from the declared matrix").isEmpty();
    }

    @Test
    void the_migration_login_holds_no_privilege_of_its_own_and_only_the_owner_roles() {
        Map<String, Object> login = jdbc.sql("select rolinherit, rolsuper, rolcreaterole from pg_roles where rolname = ?")
                .param(TestDatabaseConfiguration.LOGIN_ROLE).query().singleRow();
        assertThat(login).containsEntry("rolinherit", false).containsEntry("rolsuper", false)
                .containsEntry("rolcreaterole", false);
        List<String> memberships = jdbc.sql("""
                select r.rolname from pg_auth_members m join pg_roles r on r.oid = m.roleid
                join pg_roles u on u.oid = m.member where u.rolname = ?""")
                .param(TestDatabaseConfiguration.LOGIN_ROLE).query(String.class).list();
        assertThat(memberships).containsExactlyInAnyOrderElementsOf(roles().stream()
                .filter(role -> role.endsWith("_owner")).toList());
    }

    @Test
    void each_module_role_is_denied_every_other_module_schema_for_reads_and_writes() throws SQLException {
        Map<String, String> sampleTable = Map.of("users", "users", "billing", "accounts", "orders", "orders",
                "order_history", "orders", "loyalty", "balances");
        List<String> allowed = new ArrayList<>();
        int attempts = 0;
        try (Connection connection = jdbc.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            for (String owner : SCHEMA_OF_OWNER.keySet()) {
                String role = "bulkhead_" + owner + "_app";
                for (Map.Entry<String, String> target : sampleTable.entrySet()) {
                    String table = target.getKey() + "." + target.getValue();
                    boolean own = target.getKey().equals(SCHEMA_OF_OWNER.get(owner));
                    for (String sql : List.of("SELECT count(*) FROM " + table, "DELETE FROM " + table + " WHERE false")) {
                        statement.execute("SET ROLE " + role);
                        try {
                            statement.execute(sql);
                            if (!own) {
                                allowed.add(role + ": " + sql);
                            }
                        } catch (SQLException denied) {
                            if (own || !"42501".equals(denied.getSQLState())) {
                                allowed.add(role + " own schema or unexpected error: " + sql + " -> " + denied.getMessage());
                            }
                        } finally {
                            statement.execute("RESET ROLE");
                        }
                        attempts += own ? 0 : 1;
                    }
                }
            }
        }
        assertThat(attempts).as("foreign-schema attempts (6 roles x their foreign module schemas x read and write)").isEqualTo(50);
        assertThat(allowed).as("statements that should have been refused, or own-schema statements that failed").isEmpty();
    }

    private Set<String> roles() {
        Set<String> roles = new TreeSet<>();
        SCHEMA_OF_OWNER.keySet().forEach(owner -> {
            roles.add("bulkhead_" + owner + "_owner");
            roles.add("bulkhead_" + owner + "_app");
            roles.add("bulkhead_" + owner + "_login");
        });
        roles.add(TestDatabaseConfiguration.LOGIN_ROLE);
        return roles;
    }

    /** Owners own their schema; app roles may use their own schema and, for modules, the event registry. */
    private static boolean expectedOnSchema(String role, String schema, String privilege) {
        String owner = ownerOf(role);
        if (owner == null) {
            return false;
        }
        boolean ownSchema = SCHEMA_OF_OWNER.get(owner).equals(schema);
        if (role.endsWith("_owner")) {
            return ownSchema;
        }
        return privilege.equals("USAGE") && (ownSchema || schema.equals("events"));
    }

    private static boolean expectedOnTable(String role, String schema, String table, String privilege) {
        String owner = ownerOf(role);
        if (owner == null) {
            return false;
        }
        boolean ownSchema = SCHEMA_OF_OWNER.get(owner).equals(schema);
        if (role.endsWith("_owner")) {
            return ownSchema;
        }
        if (table.equals(HISTORY) || !ROW_ACCESS.contains(privilege)) {
            return false;
        }
        if (ownSchema) {
            return true;
        }
        return schema.equals("events") && MODULE_REGISTRY_TABLES.getOrDefault(table, Set.of()).contains(privilege);
    }

    private static String ownerOf(String role) {
        if (!role.startsWith("bulkhead_") || role.endsWith("_login")) {
            return null;
        }
        String rest = role.substring("bulkhead_".length());
        return rest.substring(0, rest.lastIndexOf('_'));
    }


}
