package modulith.boundaries.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulkhead.testing.TestDatabase;
import fixture.runtime.order.OrderStatements;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The runtime guard on a real PostgreSQL: statements sent from order code ({@code fixture.runtime.order})
 * may use order's schema and the shared events schema, never another module's. Needs a database,
 * so it is not tagged {@code architecture}.
 */
class SchemaBoundaryGuardTest {

    private static DataSource database;
    private static SchemaBoundaryGuard guard;
    private static DataSource guarded;

    @BeforeAll
    static void schemas() throws SQLException {
        TestDatabase.Coordinates coordinates = TestDatabase.newDatabase("guard");
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(coordinates.jdbcUrl());
        dataSource.setUser(coordinates.username());
        dataSource.setPassword(coordinates.password());
        database = dataSource;
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            for (String schema : new String[] {"users", "orders", "events"}) {
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
            }
            statement.execute("CREATE TABLE IF NOT EXISTS users.users (id INT PRIMARY KEY)");
            statement.execute("CREATE TABLE IF NOT EXISTS orders.orders (id INT PRIMARY KEY)");
            statement.execute("CREATE TABLE IF NOT EXISTS events.event_publication (id INT PRIMARY KEY)");
        }
        guard = new SchemaBoundaryGuard("fixture.runtime", Map.of("user", "users", "order", "orders"), Set.of("events"));
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
    void plain_statements_and_batches_are_checked_too() {
        OrderStatements order = new OrderStatements(guarded);

        assertThatThrownBy(() -> order.run("delete from users.users"))
                .isInstanceOf(ForeignSchemaStatementException.class).hasMessageContaining("order → users.users");
        assertThatThrownBy(() -> order.batch("insert into orders.orders values (90)", "insert into users.users values (90)"))
                .isInstanceOf(ForeignSchemaStatementException.class).hasMessageContaining("order → users.users");
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
}
