package dev.bulkhead.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.testing.DatabaseInspector;
import dev.bulkhead.testing.HttpClient;
import dev.bulkhead.testing.ModuleTransactions;
import dev.bulkhead.testing.TightBudgetsTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * While the listeners' executor holds as many unfinished deliveries as allowed, changes are refused with 503
 * and nothing is written; reads go on; once the backlog drains, changes are accepted again (ADR 0024).
 */
@TightBudgetsTest
class PendingDeliveriesGuardTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    DatabaseInspector database;

    @Autowired
    MeterRegistry meters;

    @Autowired
    @Qualifier("applicationTaskExecutor")
    TaskExecutor listenerExecutor;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    HttpClient http;
    ModuleTransactions modules;
    ExecutorService slowWork;
    CountDownLatch release;

    @BeforeEach
    void setUp() {
        http = new HttpClient(mvc);
        modules = new ModuleTransactions(transactions, jdbc);
        slowWork = Executors.newFixedThreadPool(2);
        release = new CountDownLatch(1);
    }

    @AfterEach
    void releaseTheBacklog() {
        release.countDown();
        slowWork.shutdownNow();
    }

    @Test
    void a_full_backlog_of_deliveries_refuses_changes_with_503_and_writes_nothing_until_it_drains() {
        UUID customer = http.registerCustomer("Patient");
        http.topUp(customer, 10_000);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> pending() == 0);
        double refusedBefore = meters.get("bulkhead.events.changes.refused").counter().count();

        fillTheBacklog();
        MvcTestResult refused = http.post("/v1/orders", orderOf(customer));

        assertThat(refused).hasStatus(HttpStatus.SERVICE_UNAVAILABLE).headers().hasValue("Retry-After", "1");
        assertThat(refused).bodyJson().extractingPath("$.title").isEqualTo("Busy");
        assertThat(refused).bodyJson().extractingPath("$.type").isEqualTo("about:blank");
        assertThat(refused).bodyJson().extractingPath("$.status").isEqualTo(503);
        assertThat(refused).bodyJson().extractingPath("$.limit").isEqualTo(TightBudgetsTest.MAX_PENDING_DELIVERIES);
        assertThat(refused).bodyJson().extractingPath("$.pendingDeliveries").asNumber().satisfies(
                waiting -> assertThat(waiting.intValue()).isGreaterThanOrEqualTo(TightBudgetsTest.MAX_PENDING_DELIVERIES));
        assertThat(ordersOf(customer)).as("a refused change writes nothing").isZero();
        assertThat(meters.get("bulkhead.events.changes.refused").counter().count()).isEqualTo(refusedBefore + 1);
        assertThat(http.get("/v1/orders?userId=" + customer)).as("reads are served").hasStatusOk();
        assertThat(http.get("/v1/billing/summary/" + customer)).hasStatusOk();

        release.countDown();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> pending() < TightBudgetsTest.MAX_PENDING_DELIVERIES);
        assertThat(http.post("/v1/orders", orderOf(customer))).hasStatus(HttpStatus.CREATED);
        assertThat(ordersOf(customer)).isEqualTo(1);
    }

    @Test
    void the_deliveries_of_an_accepted_change_count_toward_the_backlog() throws Exception {
        UUID customer = http.registerCustomer("Unhurried");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> pending() == 0);
        for (int i = 0; i < TightBudgetsTest.MAX_PENDING_DELIVERIES - 1; i++) {
            listenerExecutor.execute(this::waitForRelease);
        }
        // billing's two connections busy: its delivery of the next order waits for one, on platform threads
        // (queued behind the blocked tasks) and on virtual threads (started at once) alike
        CompletableFuture<?> busyBilling = CompletableFuture.allOf(
                CompletableFuture.runAsync(() -> modules.execute("billing", "select pg_sleep(3)"), slowWork),
                CompletableFuture.runAsync(() -> modules.execute("billing", "select pg_sleep(3)"), slowWork));
        Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> meters.get("bulkhead.db.connections.active").tag("module", "billing").gauge().value() == 2);

        assertThat(http.post("/v1/orders", orderOf(customer))).as("below the limit").hasStatus(HttpStatus.CREATED);
        Awaitility.await().atMost(Duration.ofSeconds(2))
                .until(() -> pending() >= TightBudgetsTest.MAX_PENDING_DELIVERIES);
        assertThat(http.post("/v1/orders", orderOf(customer))).hasStatus(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(ordersOf(customer)).isEqualTo(1);

        release.countDown();
        busyBilling.get();
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> pending() == 0);
        assertThat(http.post("/v1/orders", orderOf(customer))).hasStatus(HttpStatus.CREATED);
    }

    /** As many unfinished tasks as the limit allows, on the executor the module listeners run on. */
    private void fillTheBacklog() {
        for (int i = 0; i < TightBudgetsTest.MAX_PENDING_DELIVERIES; i++) {
            listenerExecutor.execute(this::waitForRelease);
        }
        assertThat(pending()).isGreaterThanOrEqualTo(TightBudgetsTest.MAX_PENDING_DELIVERIES);
    }

    private void waitForRelease() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private double pending() {
        return meters.get("bulkhead.events.deliveries.pending").gauge().value();
    }

    private long ordersOf(UUID customer) {
        return database.count("select count(*) from orders.orders where user_id = ?", customer);
    }

    private static String orderOf(UUID customer) {
        return "{\"userId\":\"" + customer + "\",\"currency\":\"EUR\",\"lines\":[{\"sku\":\"BOOK\",\"quantity\":1,\"unitPrice\":500}]}";
    }
}
