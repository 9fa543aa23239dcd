package modulith.boundaries.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fixture.runtime.order.OrderSession;
import fixture.runtime.order.OrderStatements;
import fixture.runtime.platform.database.RoleSwitching;
import fixture.runtime.platform.jobs.JobStatements;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import modulith.boundaries.BoundaryConfiguration;
import modulith.boundaries.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The runtime guard on a real PostgreSQL: statements sent from order code ({@code fixture.runtime.order})
 * may use order's schema and the shared events schema, never another module's (R8), and may not
 * switch role or search path or change privileges (R9); only the provisioning package
 * ({@code fixture.runtime.platform.database}) may. Needs a database, so it is not tagged {@code architecture}.
 */
class SchemaBoundaryGuardTest {

    private static final String PROVISIONING = "fixture.runtime.platform.database";

    private static DataSource database;
    private static SchemaBoundaryGuard guard;
    private static DataSource guarded;

    @BeforeAll
    static void schemas() throws SQLException {
        database = TestPostgres.database();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            for (String schema : new String[] {"users", "orders", "events"}) {
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
            }
            statement.execute("CREATE TABLE IF NOT EXISTS users.users (id INT PRIMARY KEY)");
            statement.execute("CREATE TABLE IF NOT EXISTS orders.orders (id INT PRIMARY KEY)");
            statement.execute("CREATE TABLE IF NOT EXISTS events.event_publication (id INT PRIMARY KEY)");
        }
        guard = new SchemaBoundaryGuard("fixture.runtime", Map.of("user", "users", "order", "orders"), Set.of("events"),
                Set.of(PROVISIONING));
        guarded = guard.guard(database);
    }

    @Test
    void an_order_statement_reading_the_user_schema_is_refused_with_the_rule_message() {
        OrderStatements order = new OrderStatements(guarded);

        assertThatThrownBy(() -> order.prepareAndRun("select u.id from users.users u join orders.orders o on o.id = u.id"))
                .isInstanceOf(ForeignSchemaStatementException.class)
                .hasMessageStartingWith("R8.runtime-sql OrderStatements.java:")
                .hasMessageContaining("(fixture.runtime.order.OrderStatements.prepareAndRun)")
                .hasMessageContaining("order → users.users: sent SQL touching user's users.users")
                .hasMessageContaining("Instead: ask user through its published API");
    }

    @Test
    void the_guard_built_from_the_rules_configuration_knows_the_modules_from_spring_modulith() throws SQLException {
        SchemaBoundaryGuard fromConfiguration = SchemaBoundaryGuard.of(BoundaryConfiguration.ofPackage("fixture.runtime")
                .includingTestClasses()
                .withSchemas(Map.of("user", "users", "order", "orders"))
                .withSharedSchemas("events")
                .withIdentityStatementsAllowedIn(PROVISIONING));
        OrderStatements order = new OrderStatements(fromConfiguration.guard(database));

        assertThatThrownBy(() -> order.run("select id from users.users"))
                .isInstanceOf(ForeignSchemaStatementException.class).hasMessageContaining("order → users.users");
        assertThatThrownBy(() -> order.run("SET ROLE guard_user_app")).isInstanceOf(IdentityStatementException.class);
        order.run("select count(*) from orders.orders join events.event_publication using (id)");
    }

    @Test
    void plain_statements_and_batches_are_checked_too() {
        OrderStatements order = new OrderStatements(guarded);

        assertThatThrownBy(() -> order.run("delete from users.users"))
                .isInstanceOf(ForeignSchemaStatementException.class).hasMessageContaining("order → users.users");
        assertThatThrownBy(() -> order.batch("insert into orders.orders values (90)", "insert into users.users values (90)"))
                .isInstanceOf(ForeignSchemaStatementException.class).hasMessageContaining("order → users.users");
    }

    @Test
    void a_data_modifying_with_item_is_read_for_the_tables_it_changes() {
        OrderStatements order = new OrderStatements(guarded);

        assertThatThrownBy(() -> order.prepareAndRun(
                "with moved as (update users.users set id = id where id = 91 returning id) select id from moved"))
                .isInstanceOf(ForeignSchemaStatementException.class).hasMessageContaining("order → users.users");
        assertThatThrownBy(() -> order.prepareAndRun(
                "with moved as (update orders.orders set id = id where id = 91 returning id), "
                        + "copied as (insert into users.users select id from moved returning id) select id from copied"))
                .isInstanceOf(ForeignSchemaStatementException.class).hasMessageContaining("order → users.users");
        assertThatThrownBy(() -> order.prepareAndRun(
                "with gone as (delete from users.users where id = 91 returning id) select id from gone"))
                .isInstanceOf(ForeignSchemaStatementException.class).hasMessageContaining("order → users.users");
        assertThatCode(() -> order.prepareAndRun(
                "with moved as (update orders.orders set id = id where id = 91 returning id), "
                        + "added as (insert into orders.orders select id + 1000 from moved returning id) select id from moved"))
                .doesNotThrowAnyException();
    }

    @Test
    void an_order_statement_on_its_own_schema_and_the_event_registry_goes_through() throws SQLException {
        OrderStatements order = new OrderStatements(guarded);

        assertThatCode(() -> {
            order.prepareAndRun("insert into orders.orders (id) values (1) on conflict do nothing");
            order.run("insert into events.event_publication (id) values (1) on conflict do nothing");
            order.prepareAndRun("select count(*) from orders.orders o where o.id > 0");
        }).doesNotThrowAnyException();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                var rows = statement.executeQuery("select count(*) from orders.orders where id = 1")) {
            rows.next();
            assertThat(rows.getInt(1)).as("the statement really reached the database").isEqualTo(1);
        }
    }

    @Test
    void a_statement_sent_by_no_module_is_not_attributed_and_passes() {
        assertThatCode(() -> {
            try (Connection connection = guarded.getConnection();
                    var statement = connection.prepareStatement("select count(*) from users.users")) {
                statement.execute();
            }
        }).doesNotThrowAnyException();
    }

    @Test
    void a_role_switch_assembled_at_run_time_is_refused_before_it_reaches_the_database() throws SQLException {
        try (OrderSession order = new OrderSession(guarded)) {
            String login = order.read("select current_user");
            String switchRole = String.join(" ", "set", "role", login);

            assertThatThrownBy(() -> order.run(switchRole))
                    .isInstanceOf(IdentityStatementException.class)
                    .hasMessageStartingWith("R9.identity OrderSession.java:")
                    .hasMessageContaining("(fixture.runtime.order.OrderSession.run)")
                    .hasMessageContaining("order → database identity: sent SQL that switches the session's role (\"" + switchRole + "\")")
                    .hasMessageContaining("Instead: a module's connections already run as its own role with its own search path; "
                            + "leave roles, grants and search paths to the provisioning code (" + PROVISIONING + ")");
            assertThat(order.read("select current_setting('role')")).as("the session's role, untouched").isEqualTo("none");
        }
    }

    @Test
    void a_search_path_set_with_set_config_at_run_time_is_refused_before_it_reaches_the_database() throws SQLException {
        try (OrderSession order = new OrderSession(guarded)) {
            String searchPath = order.read("select current_setting('search_path')");
            String pointAtUsers = String.format("select set_config('search_path', '%s', false)", "users");

            assertThatThrownBy(() -> order.read(pointAtUsers))
                    .isInstanceOf(IdentityStatementException.class)
                    .hasMessageStartingWith("R9.identity OrderSession.java:")
                    .hasMessageContaining("order → database identity: sent SQL that changes the search path (\"" + pointAtUsers + "\")");
            assertThat(order.read("select current_setting('search_path')")).as("the session's search path, untouched")
                    .isEqualTo(searchPath);
        }
    }

    @Test
    void a_grant_assembled_at_run_time_is_refused_before_it_reaches_the_database() throws SQLException {
        OrderStatements order = new OrderStatements(guarded);
        String grant = String.join(" ", "grant", "select", "on", "orders.orders", "to", "public");

        assertThatThrownBy(() -> order.run(grant))
                .isInstanceOf(IdentityStatementException.class)
                .hasMessageContaining("order → database identity: sent SQL that grants privileges (\"" + grant + "\")")
                .hasMessageContaining("Instead: other modules get order's data through its published API or its events, never through a grant");
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                var rows = statement.executeQuery("select has_table_privilege('public', 'orders.orders', 'SELECT')")) {
            rows.next();
            assertThat(rows.getBoolean(1)).as("PUBLIC may read orders.orders").isFalse();
        }
    }

    @Test
    void platform_code_outside_the_provisioning_package_is_refused_too() {
        JobStatements jobs = new JobStatements(guarded);

        assertThatThrownBy(() -> jobs.run("SET ROLE postgres"))
                .isInstanceOf(IdentityStatementException.class)
                .hasMessageStartingWith("R9.identity JobStatements.java:")
                .hasMessageContaining("platform → database identity: sent SQL that switches the session's role")
                .hasMessageContaining("platform owns no schema");
    }

    @Test
    void the_provisioning_package_may_switch_roles() throws SQLException {
        String login;
        try (OrderSession order = new OrderSession(guarded)) {
            login = order.read("select current_user");
        }

        assertThat(new RoleSwitching(guarded).switchTo(login)).as("the role after SET ROLE").isEqualTo(login);
    }

    @Test
    void an_identity_statement_sent_by_no_module_is_not_attributed_and_passes() throws SQLException {
        try (Connection connection = guarded.getConnection(); Statement statement = connection.createStatement()) {
            String login;
            try (var rows = statement.executeQuery("select current_user")) {
                rows.next();
                login = rows.getString(1);
            }
            statement.execute("set role " + login);
            try (var rows = statement.executeQuery("select current_setting('role')")) {
                rows.next();
                assertThat(rows.getString(1)).as("the role after SET ROLE").isEqualTo(login);
            }
        }
    }
}
