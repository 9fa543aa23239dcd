package dev.bulkhead.crash;

import dev.bulkhead.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The one place that says how the crash test and the jars it starts reach PostgreSQL: the server
 * named by {@code SPRING_DATASOURCE_URL} when set, else an embedded PostgreSQL started by this test
 * JVM, with a fresh database, which every jar process shares through its JDBC URL.
 *
 * <p>When the application gets per-module database roles, the extra settings it needs (for example
 * {@code --bulkhead.database.admin.*}) go into {@link #jarEnvironment()} or {@link #jarArguments()}.
 */
final class CrashDatabase {

    private final TestDatabase.Coordinates coordinates;

    private CrashDatabase(TestDatabase.Coordinates coordinates) {
        this.coordinates = coordinates;
    }

    static CrashDatabase create() {
        return new CrashDatabase(TestDatabase.newDatabase("crash"));
    }

    /** Environment of each jar process: a plain Spring Boot application's datasource variables. */
    Map<String, String> jarEnvironment() {
        return Map.of(
                "SPRING_DATASOURCE_URL", coordinates.jdbcUrl(),
                "SPRING_DATASOURCE_USERNAME", coordinates.username(),
                "SPRING_DATASOURCE_PASSWORD", coordinates.password());
    }

    /** Extra command-line arguments each jar process needs to reach the database; none yet. */
    List<String> jarArguments() {
        return List.of();
    }

    /** A connection for the test's own checks, reading every schema with the server's own credentials. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(coordinates.jdbcUrl(), coordinates.username(), coordinates.password());
    }

    String describe() {
        return coordinates.jdbcUrl() + " (" + coordinates.source() + ")";
    }
}
