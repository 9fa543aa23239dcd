package dev.bulkhead.crash;

import dev.bulkhead.platform.modules.DeclaredModules;
import dev.bulkhead.platform.database.ModuleLogin;
import dev.bulkhead.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place that says how the crash test and the jars it starts reach PostgreSQL: the server
 * named by {@code SPRING_DATASOURCE_URL} when set, else an embedded PostgreSQL started by this test
 * JVM, with a fresh database, which every jar process shares through its JDBC URL.
 *
 */
final class CrashDatabase {

    private static final String MODULE_PASSWORD_PREFIX = java.util.UUID.randomUUID() + "-";

    private final TestDatabase.Coordinates coordinates;

    private CrashDatabase(TestDatabase.Coordinates coordinates) {
        this.coordinates = coordinates;
    }

    static CrashDatabase create() {
        return new CrashDatabase(TestDatabase.newDatabase("crash"));
    }

    /**
     * Environment of each jar process: a plain Spring Boot application's datasource variables (the login
     * that provisions and migrates) and one password per module login, as a deployment sets them.
     */
    Map<String, String> jarEnvironment() {
        Map<String, String> environment = new HashMap<>(Map.of(
                "SPRING_DATASOURCE_URL", coordinates.jdbcUrl(),
                "SPRING_DATASOURCE_USERNAME", coordinates.username(),
                "SPRING_DATASOURCE_PASSWORD", coordinates.password()));
        for (String owner : DeclaredModules.application().schemaByOwner().keySet()) {
            environment.put(ModuleLogin.passwordVariable(owner), MODULE_PASSWORD_PREFIX + owner);
        }
        return environment;
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

    /** Whether the server is one this test JVM started, and so one it must stop. */
    boolean startedHere() {
        return !coordinates.explicit();
    }

    /** Stops the server this test JVM started: no Spring application runs here to stop it at exit. */
    void stopServer() {
        TestDatabase.stopServers();
    }
}
