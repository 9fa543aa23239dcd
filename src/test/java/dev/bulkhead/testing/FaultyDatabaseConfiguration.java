package dev.bulkhead.testing;

import dev.bulkhead.platform.database.AdminConnection;
import dev.bulkhead.platform.database.ModuleLoginPasswords;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Like {@link TestDatabaseConfiguration}, but every connection of the application goes through a
 * {@link FaultyLink} the test controls: the start-up's administrator and migration connections and every module's
 * pool. The database is on a server of its own ({@link RestartablePostgres}), which the test may also restart; the
 * {@link DatabaseInspector} reads it directly, past the link, so a test can check the books while the
 * application's connections are cut.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FaultyDatabaseConfiguration {

    private static final Pattern HOST_AND_PORT = Pattern.compile("^jdbc:postgresql://([^:/]+):(\\d+)/");

    private final RestartablePostgres server = new RestartablePostgres();
    private final TestDatabase.Coordinates database = server.newDatabase("bulkhead_faults");
    private final FaultyLink link;
    private final String linkedUrl;

    public FaultyDatabaseConfiguration() {
        Matcher address = HOST_AND_PORT.matcher(database.jdbcUrl());
        if (!address.find()) {
            throw new IllegalStateException("cannot put a link in front of " + database.jdbcUrl());
        }
        link = FaultyLink.to("postgresql", address.group(1), Integer.parseInt(address.group(2)));
        linkedUrl = address.replaceFirst("jdbc:postgresql://" + link.host() + ":" + link.port() + "/");
    }

    @Bean(destroyMethod = "close")
    FaultyLink databaseLink() {
        return link;
    }

    /** The server itself, to restart under the application; stopped only once every Spring application has closed. */
    @Bean(destroyMethod = "")
    RestartablePostgres databaseServer() {
        org.springframework.boot.SpringApplication.getShutdownHandlers().add(server::close);
        return server;
    }

    @Bean
    DatabaseInspector databaseInspector() {
        return new DatabaseInspector(database);
    }

    @Bean
    ModuleLoginPasswords testModuleLoginPasswords() {
        return owner -> Optional.of(TestDatabaseConfiguration.moduleLoginPassword(owner));
    }

    @Bean
    AdminConnection testDatabaseAdmin() {
        return new AdminConnection(linkedUrl, database.username(), database.password());
    }

    @Bean
    JdbcConnectionDetails testDatabase() {
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return TestDatabaseConfiguration.LOGIN_ROLE;
            }

            @Override
            public String getPassword() {
                return TestDatabaseConfiguration.loginPassword();
            }

            @Override
            public String getJdbcUrl() {
                return linkedUrl;
            }
        };
    }
}
