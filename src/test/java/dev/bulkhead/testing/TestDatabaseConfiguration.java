package dev.bulkhead.testing;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Points the application at a {@link TestDatabase}: a fresh database per application context on a
 * server the tests started, or the server named by the environment.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfiguration {

    private final TestDatabase.Coordinates details = TestDatabase.newDatabase("ctx");

    /** Reads any schema with the test server's own credentials, outside the application's connections. */
    @Bean
    DatabaseInspector databaseInspector() {
        return new DatabaseInspector(details);
    }

    @Bean
    JdbcConnectionDetails testDatabase() {
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return details.username();
            }

            @Override
            public String getPassword() {
                return details.password();
            }

            @Override
            public String getJdbcUrl() {
                return details.jdbcUrl();
            }
        };
    }
}
