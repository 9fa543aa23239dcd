package dev.bulkhead.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.testing.HttpClient;
import dev.bulkhead.testing.IntegrationTest;
import dev.bulkhead.testing.ModuleTransactions;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A delivery's transaction commits without waiting for its WAL flush, and nothing else does (ADR 0029): the
 * setting is local to the delivery's transaction, so the pooled connection's next transaction (a request's)
 * waits for its flush again. That a lost delivery commit is delivered again is the registry's ordinary
 * redelivery of an outstanding publication (EventDeliveryTests, the crash test).
 */
@IntegrationTest
class AsynchronousDeliveryCommitTests {

    @Autowired
    AsynchronousDeliveryCommit commits;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    MockMvcTester mvc;

    @Test
    void the_deliveries_of_a_new_customers_event_commit_asynchronously() {
        double before = asynchronousCommits();

        new HttpClient(mvc).registerCustomer("Async Ada"); // billing opens the account, history copies the customer

        Awaitility.await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(asynchronousCommits() - before).isGreaterThanOrEqualTo(2));
    }

    @Test
    void the_relaxed_commit_holds_for_its_own_transaction_only() {
        ModuleTransactions billing = new ModuleTransactions(transactions, jdbc);

        String during = billing.of("billing").execute(status -> {
            jdbc.execute("SET LOCAL synchronous_commit TO on"); // as a deployment has it (the tests' server runs with it off)
            commits.relaxCurrentTransaction();
            return jdbc.queryForObject("select current_setting('synchronous_commit')", String.class);
        });
        // a session-wide SET would stay on the pooled connection for the requests that borrow it next
        String sourceAfter = billing.of("billing").execute(status ->
                jdbc.queryForObject("select source from pg_settings where name = 'synchronous_commit'", String.class));

        assertThat(during).isEqualTo("off");
        assertThat(sourceAfter).as("where the next transaction's setting comes from").isNotEqualTo("session");
    }

    private double asynchronousCommits() {
        var counter = meters.find("bulkhead.events.deliveries.asynchronous-commits").counter();
        return counter == null ? 0 : counter.count();
    }
}
