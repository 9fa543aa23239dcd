package dev.bulkhead.testing;

import dev.bulkhead.platform.database.AdminConnection;
import dev.bulkhead.platform.database.ModuleLoginPasswords;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Points the application at a {@link TestDatabase}: a fresh database per application context on a
 * server the tests started, or the server named by the environment. On a server of our own, the
 * application's migration login is an unprivileged role {@value #LOGIN_ROLE}, the server's
 * administrator provisions the module roles and logins, exactly as in production; with an explicit
 * server it uses the given credentials for both. Each module's login gets a password generated per
 * test JVM, so tests and the local run need no configuration.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfiguration {

    public static final String LOGIN_ROLE = "bulkhead";
    private static final String LOGIN_PASSWORD = UUID.randomUUID().toString();

    private final TestDatabase.Coordinates database = TestDatabase.newDatabase("ctx");

    /** Reads any schema with the test server's own credentials, outside the application's connections. */
    @Bean
    DatabaseInspector databaseInspector() {
        return new DatabaseInspector(database);
    }

    /** Each module's login gets a password of this test JVM's, as a deployment's configuration would give it one. */
    @Bean
    ModuleLoginPasswords testModuleLoginPasswords() {
        return owner -> Optional.of(moduleLoginPassword(owner));
    }

    /** The password of the application's migration login {@value #LOGIN_ROLE} on a server the tests started. */
    static String loginPassword() {
        return LOGIN_PASSWORD;
    }

    /** The password the tests give the login of {@code owner}, for tests that connect as a module themselves. */
    public static String moduleLoginPassword(String owner) {
        return LOGIN_PASSWORD + "-" + owner;
    }

    @Bean
    AdminConnection testDatabaseAdmin() {
        return database.explicit() ? null
                : new AdminConnection(database.jdbcUrl(), database.username(), database.password());
    }

    @Bean
    JdbcConnectionDetails testDatabase() {
        String username = database.explicit() ? database.username() : LOGIN_ROLE;
        String password = database.explicit() ? database.password() : LOGIN_PASSWORD;
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return username;
            }

            @Override
            public String getPassword() {
                return password;
            }

            @Override
            public String getJdbcUrl() {
                return database.jdbcUrl();
            }
        };
    }
}
