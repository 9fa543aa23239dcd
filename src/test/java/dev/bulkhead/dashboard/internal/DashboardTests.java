package dev.bulkhead.dashboard.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.testing.DatabaseInspector;
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
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The dashboard composes three modules and survives any one of them being slow or broken. The
 * modules are made slow and broken for real: billing's connections are all taken by slow
 * statements, and the order role loses access to its schema.
 */
@TightBudgetsTest
class DashboardTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    MeterRegistry meters;

    @Autowired
    DatabaseInspector inspector;

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
    void the_dashboard_shows_profile_balance_and_recent_orders() {
        UUID user = http.registerCustomer("Dash");
        http.topUp(user, 1_000);
        http.post("/v1/orders", "{\"userId\":\"" + user + "\",\"currency\":\"EUR\",\"lines\":[{\"sku\":\"PEN\",\"quantity\":1,\"unitPrice\":100}]}");

        MvcTestResult dashboard = http.get("/v1/dashboard/" + user);

        assertThat(dashboard).hasStatusOk().bodyJson().extractingPath("$.complete").isEqualTo(true);
        assertThat(dashboard).bodyJson().extractingPath("$.profile.data.name").isEqualTo("Dash");
        assertThat(dashboard).bodyJson().extractingPath("$.billing.data.balance.currency").isEqualTo("EUR");
        assertThat(dashboard).bodyJson().extractingPath("$.recentOrders.data").asArray().hasSize(1);
    }

    @Test
    void a_busy_billing_is_marked_unavailable_and_the_rest_arrives_within_the_deadline() throws Exception {
        UUID user = http.registerCustomer("Patient");
        List<CompletableFuture<?>> slow = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            slow.add(CompletableFuture.runAsync(() -> modules.execute("billing", "select pg_sleep(2)"), slowWork));
        }
        Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> meters.get("bulkhead.db.connections.active").tag("module", "billing").gauge().value() == 2);

        long started = System.nanoTime();
        MvcTestResult dashboard = http.get("/v1/dashboard/" + user);
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(dashboard).hasStatusOk().bodyJson().extractingPath("$.complete").isEqualTo(false);
        assertThat(dashboard).bodyJson().extractingPath("$.billing.available").isEqualTo(false);
        assertThat(dashboard).bodyJson().extractingPath("$.billing.reason").asString().contains("no answer within 300 ms");
        assertThat(dashboard).bodyJson().extractingPath("$.profile.available").isEqualTo(true);
        assertThat(dashboard).bodyJson().extractingPath("$.recentOrders.available").isEqualTo(true);
        assertThat(millis).as("answered by the 500 ms deadline, with some slack for the test itself").isLessThan(1_500);
        CompletableFuture.allOf(slow.toArray(CompletableFuture[]::new)).get();
    }

    @Test
    void a_failing_order_module_is_marked_unavailable_and_never_turns_into_a_500() {
        UUID user = http.registerCustomer("Unlucky");
        inspector.sql("REVOKE USAGE ON SCHEMA orders FROM bulkhead_order_app").update();
        try {
            MvcTestResult dashboard = http.get("/v1/dashboard/" + user);

            assertThat(dashboard).hasStatusOk().bodyJson().extractingPath("$.recentOrders.available").isEqualTo(false);
            assertThat(dashboard).bodyJson().extractingPath("$.recentOrders.reason").asString().contains("failed");
            assertThat(dashboard).bodyJson().extractingPath("$.profile.data.name").isEqualTo("Unlucky");
            assertThat(dashboard).bodyJson().extractingPath("$.billing.available").isEqualTo(true);
        } finally {
            inspector.sql("GRANT USAGE ON SCHEMA orders TO bulkhead_order_app").update();
        }
    }

    @Test
    void an_unknown_user_gets_404_and_a_malformed_id_400() {
        assertThat(http.get("/v1/dashboard/" + UUID.randomUUID())).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(http.get("/v1/dashboard/not-a-uuid")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("userId");
    }

}
