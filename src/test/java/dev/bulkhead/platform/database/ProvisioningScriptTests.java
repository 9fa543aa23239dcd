package dev.bulkhead.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulkhead.BulkheadApplication;
import dev.bulkhead.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The script a DBA gets from {@code java -jar bulkhead.jar --print-provisioning-sql} really
 * provisions a database, and running it twice changes nothing. psql's variables and
 * {@code \gexec} are played here the way psql plays them, so the test needs no psql binary.
 */
class ProvisioningScriptTests {

    /** Roles belong to the whole server, which other tests share: a prefix of this test's own. */
    private static final String PREFIX = "dbatest";

    @Test
    void the_printed_script_provisions_a_fresh_database_and_can_run_again() throws Exception {
        String script = printed();
        assertThat(script).contains("CREATE SCHEMA IF NOT EXISTS \"users\" AUTHORIZATION \"" + PREFIX + "_user_owner\"")
                .contains(":'migration_password'").contains(":'billing_password'").contains("BULKHEAD_DATABASE_LOGINS_BILLING_PASSWORD")
                .doesNotContain("PASSWORD '")
                .contains("CREATE EXTENSION IF NOT EXISTS \"pg_trgm\" SCHEMA \"order_history\"");

        TestDatabase.Coordinates database = TestDatabase.newDatabase("dba");
        try (Connection admin = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password())) {
            runLikePsql(admin, script, "dba_login", "s3cret'pw");
            // a careless grant between the runs: the next run takes it back
            try (Statement statement = admin.createStatement()) {
                statement.execute("GRANT " + PREFIX + "_billing_app, " + PREFIX + "_user_owner TO " + PREFIX + "_user_login");
                statement.execute("GRANT " + PREFIX + "_order_app TO dba_login");
                statement.execute("GRANT " + PREFIX + "_user_login TO " + PREFIX + "_order_login");
            }
            runLikePsql(admin, script, "dba_login", "s3cret'pw");

            assertThat(single(admin, "select nspowner::regrole::text from pg_namespace where nspname = 'billing'"))
                    .isEqualTo(PREFIX + "_billing_owner");
            assertThat(single(admin, "select has_schema_privilege('" + PREFIX + "_billing_app', 'billing', 'USAGE')")).isEqualTo("t");
            assertThat(single(admin, "select has_schema_privilege('" + PREFIX + "_billing_app', 'users', 'USAGE')")).isEqualTo("f");
            assertThat(single(admin, "select has_schema_privilege('" + PREFIX + "_order_app', 'events', 'USAGE')")).isEqualTo("t");
            assertThat(single(admin, "select rolinherit::text || rolcanlogin::text from pg_roles where rolname = 'dba_login'"))
                    .isEqualTo("falsetrue");
            assertThat(single(admin, "select string_agg(r.rolname, ',' order by r.rolname) from pg_auth_members m "
                    + "join pg_roles r on r.oid = m.roleid join pg_roles u on u.oid = m.member where u.rolname = 'dba_login'"))
                    .as("the migration login holds the owner roles only")
                    .isEqualTo(PREFIX + "_billing_owner," + PREFIX + "_events_owner," + PREFIX + "_history_owner," + PREFIX + "_loyalty_owner,"
                            + PREFIX + "_order_owner," + PREFIX + "_user_owner");
            assertThat(single(admin, "select extnamespace::regnamespace::text from pg_extension where extname = 'pg_trgm'"))
                    .as("the history module's extension, in its schema").isEqualTo("order_history");
            // the test application's owners: loyalty is the module of the test sources
            for (String owner : List.of("events", "user", "billing", "order", "history", "loyalty")) {
                String login = PREFIX + "_" + owner + "_login";
                assertThat(single(admin, "select rolcanlogin::text || rolinherit::text || rolbypassrls::text from pg_roles where rolname = '"
                        + login + "'")).as(login).isEqualTo("truefalsefalse");
                assertThat(single(admin, "select string_agg(r.rolname, ',') from pg_auth_members m join pg_roles r on r.oid = m.roleid "
                        + "join pg_roles u on u.oid = m.member where u.rolname = '" + login + "'"))
                        .as("%s is a member of its app role only", login).isEqualTo(PREFIX + "_" + owner + "_app");
                assertThat(single(admin, "select count(*) from pg_auth_members m join pg_roles r on r.oid = m.roleid "
                        + "where r.rolname = '" + login + "'")).as("members of %s", login).isEqualTo("0");
            }
        }
    }

    @Test
    void an_extension_a_module_declares_but_finds_in_another_schema_stops_the_provisioning_with_what_to_do() throws Exception {
        TestDatabase.Coordinates database = TestDatabase.newDatabase("dbaext");
        try (Connection admin = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password())) {
            try (Statement statement = admin.createStatement()) {
                statement.execute("CREATE EXTENSION pg_trgm SCHEMA public"); // a DBA's earlier install, where most go
            }
            assertThatThrownBy(() -> runLikePsql(admin, printed(), "dba_login", "pw"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("the history module needs the extension pg_trgm in its schema order_history, "
                            + "but it is installed in public")
                    .hasMessageContaining("ALTER EXTENSION pg_trgm SET SCHEMA order_history");
        }
    }

    private static String printed() {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            BulkheadApplication.main(new String[] { "--print-provisioning-sql", "--bulkhead.database.role-prefix=" + PREFIX });
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** psql's part of the work: meta-commands, variable interpolation, and {@code \gexec}. */
    private static void runLikePsql(Connection connection, String script, String loginRole, String password) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            StringBuilder pending = new StringBuilder();
            for (String line : script.split("\n")) {
                if (line.startsWith("--") || line.startsWith("\\set") || line.isBlank()) {
                    continue;
                }
                String sql = line.replace(":'migration_role'", "'" + loginRole + "'")
                        .replace(":\"migration_role\"", "\"" + loginRole + "\"")
                        .replace(":'migration_password'", "'" + password.replace("'", "''") + "'")
                        .replaceAll(":'([a-z_]+)_password'", "'module-$1-pw'");
                pending.append(sql).append('\n');
                if (sql.endsWith("\\gexec")) {
                    String query = pending.substring(0, pending.lastIndexOf("\\gexec"));
                    pending.setLength(0);
                    List<String> generated = new ArrayList<>();
                    try (ResultSet rows = statement.executeQuery(query)) {
                        while (rows.next()) {
                            generated.add(rows.getString(1));
                        }
                    }
                    for (String each : generated) {
                        statement.execute(each);
                    }
                } else if (sql.endsWith(";")) {
                    statement.execute(pending.toString());
                    pending.setLength(0);
                }
            }
        }
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }
}
