package dev.bulkhead.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void the_printed_script_provisions_a_fresh_database_and_can_run_again() throws Exception {
        String script = printed();
        assertThat(script).contains("CREATE SCHEMA IF NOT EXISTS \"users\" AUTHORIZATION \"bulkhead_user_owner\"")
                .contains(":'login_password'").doesNotContain("PASSWORD '");

        TestDatabase.Coordinates database = TestDatabase.newDatabase("dba");
        try (Connection admin = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password())) {
            runLikePsql(admin, script, "dba_login", "s3cret'pw");
            runLikePsql(admin, script, "dba_login", "s3cret'pw");

            assertThat(single(admin, "select nspowner::regrole::text from pg_namespace where nspname = 'billing'"))
                    .isEqualTo("bulkhead_billing_owner");
            assertThat(single(admin, "select has_schema_privilege('bulkhead_billing_app', 'billing', 'USAGE')")).isEqualTo("t");
            assertThat(single(admin, "select has_schema_privilege('bulkhead_billing_app', 'users', 'USAGE')")).isEqualTo("f");
            assertThat(single(admin, "select has_schema_privilege('bulkhead_order_app', 'events', 'USAGE')")).isEqualTo("t");
            assertThat(single(admin, "select rolinherit::text || rolcanlogin::text from pg_roles where rolname = 'dba_login'"))
                    .isEqualTo("falsetrue");
            assertThat(single(admin, "select count(*) from pg_auth_members m join pg_roles u on u.oid = m.member where u.rolname = 'dba_login'"))
                    .isEqualTo("10");
        }
    }

    private static String printed() {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            BulkheadApplication.main(new String[] { "--print-provisioning-sql" });
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
                String sql = line.replace(":'login_role'", "'" + loginRole + "'")
                        .replace(":\"login_role\"", "\"" + loginRole + "\"")
                        .replace(":'login_password'", "'" + password.replace("'", "''") + "'");
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
