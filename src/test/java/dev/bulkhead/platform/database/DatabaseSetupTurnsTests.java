package dev.bulkhead.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.testing.DatabaseInspector;
import dev.bulkhead.testing.IntegrationTest;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Instances starting together take turns through the database setup: one instance's grants and another's migrations
 * touch the same catalogue rows and deadlocked before (seen in the crash test). The test plays the first instance by
 * holding the setup's lock, and runs this instance's setup again, as a second instance starting now would.
 */
@IntegrationTest
class DatabaseSetupTurnsTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    DatabaseInspector inspector;

    @Test
    void a_second_instance_waits_for_the_first_to_finish_its_setup_and_then_finds_everything_in_place() throws Exception {
        DatabaseSetup setup = context.getBean(DatabaseSetup.BEAN_NAME, DatabaseSetup.class);
        CompletableFuture<Void> second;
        try (Connection first = inspector.dataSource().getConnection()) {
            DatabaseSetup.takeTurn(first);

            second = CompletableFuture.runAsync(() -> {
                try {
                    setup.afterPropertiesSet();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(1_500); // long enough for an unguarded setup to reach its grants
            assertThat(second).as("the second setup while the first holds its turn").isNotDone();
            assertThat(inspector.count("select count(*) from pg_stat_activity where application_name = ? and wait_event = 'advisory'",
                    DatabaseSetup.APPLICATION_NAME)).as("the second setup waits on the advisory lock").isEqualTo(1);
            try (Statement release = first.createStatement()) {
                release.execute("SELECT pg_advisory_unlock_all()");
            }
        }
        second.get(60, TimeUnit.SECONDS);
        assertThat(inspector.count("select count(*) from pg_stat_activity where application_name = ?", DatabaseSetup.APPLICATION_NAME))
                .as("start-up connections left open").isZero();
    }
}
