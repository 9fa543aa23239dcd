package dev.bulkhead.platform.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulkhead.BulkheadApplication;
import dev.bulkhead.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A module's login that is missing or wrong stops the start-up with one message naming the module
 * and the variable to set. Each test has a role prefix of its own: roles belong to the whole server.
 */
@ExtendWith(OutputCaptureExtension.class)
class ModuleLoginStartupTests {

    /** Every schema owner of the test application, the test sources' loyalty module included. */
    private static final List<String> OWNERS = List.of("events", "user", "billing", "order", "history", "loyalty");

    @Test
    void a_missing_module_password_names_the_module_and_its_variable(CapturedOutput output) {
        TestDatabase.Coordinates database = TestDatabase.newDatabase("nopassword");
        List<String> args = base(database, "nopw");
        passwords(args, "right", "billing");

        assertThatThrownBy(() -> start(args)).isInstanceOf(RuntimeException.class);

        assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START")
                .contains("Module billing has no database password for its login role nopw_billing_login")
                .contains("BULKHEAD_DATABASE_LOGINS_BILLING_PASSWORD")
                .doesNotContain("\tat org.springframework");
    }

    @Test
    void a_module_login_shared_with_another_module_is_refused(CapturedOutput output) {
        TestDatabase.Coordinates database = TestDatabase.newDatabase("sharedlogin");
        List<String> args = base(database, "shared");
        passwords(args, "right", "");
        args.add("--bulkhead.database.logins.order.username=shared_billing_login");

        assertThatThrownBy(() -> start(args)).isInstanceOf(RuntimeException.class);

        assertThat(output.getOut() + output.getErr()).contains("Modules billing and order would share the login shared_billing_login")
                .doesNotContain("\tat org.springframework");
    }

    @Test
    void a_superuser_as_a_module_login_is_refused_and_left_as_it_is(CapturedOutput output) throws Exception {
        TestDatabase.Coordinates database = TestDatabase.newDatabaseOnOwnServer("superlogin"); // creates a superuser
        PasswordChecked.execute(database, "create role super_billing_root superuser");
        List<String> args = base(database, "superlogin");
        passwords(args, "right", "");
        args.add("--bulkhead.database.logins.billing.username=super_billing_root");

        assertThatThrownBy(() -> start(args)).isInstanceOf(RuntimeException.class);

        assertThat(output.getOut() + output.getErr()).contains("Module billing is configured to log in as super_billing_root, a superuser")
                .doesNotContain("\tat org.springframework");
        assertThat(PasswordChecked.single(database, "select rolsuper::text from pg_roles where rolname = 'super_billing_root'"))
                .isEqualTo("true");
    }

    @Test
    void a_wrong_module_password_names_the_module_and_its_variable(CapturedOutput output) throws Exception {
        // changes the server's authentication rules
        TestDatabase.Coordinates database = TestDatabase.newDatabaseOnOwnServer("wrongpassword");
        List<String> provisioned = base(database, "wrongpw");
        passwords(provisioned, "right", "");
        start(provisioned).close(); // provisions every login with the right passwords

        try (PasswordChecked checked = new PasswordChecked(database, "wrongpw_billing_login")) {
            List<String> args = base(database, "wrongpw");
            args.add("--bulkhead.database.provisioning=never");
            passwords(args, "right", "billing");
            args.add("--bulkhead.database.logins.billing.password=wrong");

            assertThatThrownBy(() -> start(args)).isInstanceOf(RuntimeException.class);
        }

        assertThat(output.getOut() + output.getErr()).contains("Module billing could not log in to PostgreSQL as wrongpw_billing_login")
                .contains("password authentication failed")
                .contains("Set BULKHEAD_DATABASE_LOGINS_BILLING_PASSWORD")
                .doesNotContain("\tat org.springframework");
    }

    private static List<String> base(TestDatabase.Coordinates database, String prefix) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
                "--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(), "--bulkhead.database.role-prefix=" + prefix,
                "--bulkhead.security.jwt-secret=" + "k".repeat(40)));
        return args;
    }

    private static void passwords(List<String> args, String password, String except) {
        for (String owner : OWNERS) {
            if (!owner.equals(except)) {
                args.add("--bulkhead.database.logins." + owner + ".password=" + password);
            }
        }
    }

    private static org.springframework.context.ConfigurableApplicationContext start(List<String> args) {
        return new SpringApplication(BulkheadApplication.class).run(args.toArray(String[]::new));
    }

    /**
     * The embedded server trusts every local connection; for one role it now asks for the password, and
     * afterwards trusts it again. The rule names only that role, so other tests are untouched.
     */
    private static final class PasswordChecked implements AutoCloseable {

        private final TestDatabase.Coordinates database;
        private final Path hbaFile;
        private final String original;

        PasswordChecked(TestDatabase.Coordinates database, String role) throws Exception {
            this.database = database;
            this.hbaFile = Path.of(single(database, "show hba_file"));
            this.original = Files.readString(hbaFile);
            Files.writeString(hbaFile, "host all " + role + " all scram-sha-256\n" + original);
            reload();
        }

        @Override
        public void close() throws Exception {
            Files.writeString(hbaFile, original);
            reload();
        }

        private void reload() throws SQLException, InterruptedException {
            single(database, "select pg_reload_conf()::text");
            Thread.sleep(300); // the postmaster rereads the file asynchronously
        }

        static void execute(TestDatabase.Coordinates database, String sql) throws SQLException {
            try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                    Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }

        static String single(TestDatabase.Coordinates database, String sql) throws SQLException {
            try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                    Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
                row.next();
                return row.getString(1);
            }
        }
    }
}
