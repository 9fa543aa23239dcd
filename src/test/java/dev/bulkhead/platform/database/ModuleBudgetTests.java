package dev.bulkhead.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulkhead.testing.HttpClient;
import dev.bulkhead.testing.ModuleTransactions;
import dev.bulkhead.testing.TightBudgetsTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Resource budgets: billing gets two connections, order a 500 ms statement timeout. Filling
 * billing's budget with slow statements must not slow user or order down, and billing's extra
 * requests must fail fast with 503 instead of queueing.
 */
@TightBudgetsTest
class ModuleBudgetTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    MeterRegistry meters;

    HttpClient http;
    ModuleTransactions modules;
    ExecutorService slowWork;

    @BeforeEach
    void setUp() {
        http = new HttpClient(mvc);
        modules = new ModuleTransactions(transactions, jdbc);
        slowWork = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void tearDown() {
        slowWork.shutdownNow();
    }

    @Test
    void a_saturated_billing_fails_fast_with_503_while_user_and_order_keep_serving() throws Exception {
        UUID user = http.registerCustomer("Busy");
        double rejectedBefore = counter("bulkhead.db.connections.rejected", "billing");

        List<CompletableFuture<?>> slow = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            slow.add(CompletableFuture.runAsync(() -> modules.execute("billing", "select pg_sleep(2)"), slowWork));
        }
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> gauge("bulkhead.db.connections.active", "billing") == 2);

        long started = System.nanoTime();
        MvcTestResult busy = http.get("/v1/billing/summary/" + user);
        long busyMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(busy).hasStatus(HttpStatus.SERVICE_UNAVAILABLE).headers().hasValue("Retry-After", "1");
        assertThat(busy).bodyJson().extractingPath("$.module").isEqualTo("billing");
        assertThat(busyMillis).as("a busy module answers at once instead of queueing").isLessThan(1_500);
        assertThat(http.get("/v1/users/" + user)).hasStatusOk();
        assertThat(http.get("/v1/orders?userId=" + user)).hasStatusOk();
        assertThat(counter("bulkhead.db.connections.rejected", "billing")).isGreaterThan(rejectedBefore);

        CompletableFuture.allOf(slow.toArray(CompletableFuture[]::new)).get();
        assertThat(http.get("/v1/billing/summary/" + user)).hasStatusOk();
    }

    @Test
    void a_runaway_statement_is_cancelled_by_its_modules_statement_timeout_only() {
        double timeoutsBefore = counter("bulkhead.db.statements.timed-out", "order");
        long started = System.nanoTime();

        assertThatThrownBy(() -> modules.execute("order", "select pg_sleep(10)"))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("canceling statement due to statement timeout");

        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
        assertThat(counter("bulkhead.db.statements.timed-out", "order")).isEqualTo(timeoutsBefore + 1);
        modules.execute("user", "select pg_sleep(1)"); // user keeps its own, longer timeout
    }

    @Test
    void per_module_pool_metrics_are_published() {
        http.registerCustomer("Measured");
        for (String module : List.of("user", "billing", "order", "events")) {
            assertThat(meters.find("bulkhead.db.connections.active").tag("module", module).gauge()).isNotNull();
            assertThat(meters.find("bulkhead.db.connections.idle").tag("module", module).gauge()).isNotNull();
            assertThat(meters.find("bulkhead.db.connections.pending").tag("module", module).gauge()).isNotNull();
            assertThat(meters.find("bulkhead.db.connections.rejected").tag("module", module).counter()).isNotNull();
            assertThat(meters.find("bulkhead.db.statements.timed-out").tag("module", module).counter()).isNotNull();
        }
        assertThat(meters.find("hikaricp.connections.active").tag("pool", "bulkhead-billing").gauge()).isNotNull();
        assertThat(http.get("/actuator/metrics/bulkhead.db.connections.active?tag=module:billing")).hasStatusOk();
    }


    private double counter(String name, String module) {
        return meters.get(name).tag("module", module).counter().count();
    }

    private double gauge(String name, String module) {
        return meters.get(name).tag("module", module).gauge().value();
    }

}
