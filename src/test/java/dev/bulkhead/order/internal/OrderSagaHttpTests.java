package dev.bulkhead.order.internal;

import static dev.bulkhead.testing.HttpClient.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.testing.DatabaseInspector;
import dev.bulkhead.testing.HttpClient;
import dev.bulkhead.testing.IntegrationTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The compensating half of the saga, on the whole application: cancellation, expiry, late payment, concurrency. */
@IntegrationTest
class OrderSagaHttpTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    DatabaseInspector jdbc;

    @Autowired
    OrderExpiry expiry;

    HttpClient http;

    @BeforeEach
    void setUp() {
        http = new HttpClient(mvc);
    }

    @Test
    void a_cancelled_paid_order_is_refunded_once_and_ends_refunded() {
        UUID user = http.registerCustomer("Canceller");
        http.topUp(user, 5_000);
        String orderId = http.placeOrder(user, 2_000);
        http.awaitJson("/v1/orders/" + orderId, "$.status", "PAID");

        MvcTestResult cancelled = http.post("/v1/orders/" + orderId + "/cancel", "");

        assertThat(cancelled).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("REFUND_PENDING");
        MvcTestResult refunded = http.awaitJson("/v1/orders/" + orderId, "$.status", "REFUNDED");
        assertThat(refunded).bodyJson().extractingPath("$.timeline[*].to").asArray()
                .containsExactly("PENDING_PAYMENT", "PAID", "REFUND_PENDING", "REFUNDED");
        assertThat(refunded).bodyJson().extractingPath("$.timeline[3].cause").isEqualTo("PaymentRefunded");
        assertThat(refunded).bodyJson().extractingPath("$.timeline[3].causeEventId").isNotNull();
        MvcTestResult summary = http.get("/v1/billing/summary/" + user);
        assertThat(summary).bodyJson().extractingPath("$.balance.minorUnits").isEqualTo(5_000);
        assertThat(summary).bodyJson().extractingPath("$.recentRefunds[0].chargeReference").isEqualTo(orderId);
        assertThat(summary).bodyJson().extractingPath("$.recentPayments[0].status").isEqualTo("REFUNDED");

        // the same request again answers the same and refunds nothing more
        assertThat(http.post("/v1/orders/" + orderId + "/cancel", "")).hasStatusOk()
                .bodyJson().extractingPath("$.status").isEqualTo("REFUNDED");
        assertThat(ledgerEntries(orderId, "CHARGE")).isEqualTo(1);
        assertThat(ledgerEntries(orderId, "REFUND")).isEqualTo(1);
    }

    @Test
    void only_a_paid_order_can_be_cancelled() {
        UUID user = http.registerCustomer("Broke");
        String failed = http.placeOrder(user, 100);
        http.awaitJson("/v1/orders/" + failed, "$.status", "PAYMENT_FAILED");

        MvcTestResult refused = http.post("/v1/orders/" + failed + "/cancel", "");

        assertThat(refused).hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.errors[0].field").isEqualTo("status");
        assertThat(refused).bodyJson().extractingPath("$.detail").asString().contains("PAYMENT_FAILED");
        assertThat(http.get("/v1/orders/" + failed)).bodyJson().extractingPath("$.status").isEqualTo("PAYMENT_FAILED");
        assertThat(http.post("/v1/orders/" + UUID.randomUUID() + "/cancel", "")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(http.post("/v1/orders/nope/cancel", "")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("id");
    }

    /**
     * The race the saga must survive: billing charges an order at the moment it expires. The test
     * makes the race deterministic by holding the account's row lock, so the charge waits; the
     * order expires meanwhile; then the charge lands, and the expiry's refund request gives it back.
     */
    @Test
    void an_order_that_expires_while_its_payment_is_on_the_way_is_refunded() throws Exception {
        UUID user = http.registerCustomer("Late");
        http.topUp(user, 5_000);
        String orderId;
        try (Connection lock = jdbc.dataSource().getConnection()) {
            lock.setAutoCommit(false);
            try (PreparedStatement statement = lock.prepareStatement("select 1 from billing.accounts where user_id = ? for update")) {
                statement.setObject(1, user);
                statement.execute();
            }
            int holder = backendPid(lock);
            orderId = http.placeOrder(user, 1_200);
            awaitWaitingFor(holder); // billing's charge waits for the account
            long waitingSince = System.nanoTime();

            jdbc.sql("update orders.orders set placed_at = placed_at - interval '1 day' where id = ?")
                    .param(UUID.fromString(orderId)).update();
            expiry.expireOverdueOrders();
            assertThat(http.get("/v1/orders/" + orderId)).bodyJson().extractingPath("$.status").isEqualTo("EXPIRED");
            // had the charge waited longer than billing's lock budget, it would have given up and the refund could
            // overtake it: the other race, which the next test covers. Say so rather than fail on a status later.
            assertThat(Duration.ofNanos(System.nanoTime() - waitingSince))
                    .as("the charge must still be waiting when the lock is released")
                    .isLessThan(Duration.ofSeconds(IntegrationTest.BILLING_LOCK_TIMEOUT_SECONDS));
            lock.rollback();
        }

        MvcTestResult refunded = http.awaitJson("/v1/orders/" + orderId, "$.status", "REFUNDED");
        assertThat(refunded).bodyJson().extractingPath("$.timeline[1].to").isEqualTo("EXPIRED");
        assertThat(refunded).bodyJson().extractingPath("$.timeline[1].cause").asString().startsWith("Payment timeout");
        assertThat(ledgerEntries(orderId, "CHARGE")).isEqualTo(1);
        assertThat(ledgerEntries(orderId, "REFUND")).isEqualTo(1);
        assertThat(http.get("/v1/billing/summary/" + user)).bodyJson().extractingPath("$.balance.minorUnits").isEqualTo(5_000);
    }

    /**
     * The same race the other way round: the expiry's refund request reaches billing before the charge does, so billing
     * withdraws the charge. It says so with {@code PaymentFailed} (WITHDRAWN), which the order, expired already, ignores
     * and the order history shows, so that no reconciliation has to find it out; the charge that comes later takes
     * nothing. The test holds the charge back with a trigger that refuses to store it until the test drops it; the retry
     * job delivers the charge again meanwhile.
     */
    @Test
    void an_order_whose_refund_overtakes_its_charge_stays_expired_and_its_history_says_the_charge_was_withdrawn() {
        UUID user = http.registerCustomer("Withdrawn");
        http.topUp(user, 5_000);
        String holdBack = "public.hold_back_charges_of_" + user.toString().replace("-", "");
        jdbc.sql("""
                create function %s() returns trigger language plpgsql as $$
                begin
                    if new.user_id = '%s' and new.status <> 'FAILED' then
                        raise exception 'the test holds this charge back';
                    end if;
                    return new;
                end $$""".formatted(holdBack, user)).update();
        jdbc.sql("create trigger hold_back before insert on billing.payments for each row execute function " + holdBack + "()")
                .update();
        String orderId;
        try {
            orderId = http.placeOrder(user, 1_200);
            jdbc.sql("update orders.orders set placed_at = placed_at - interval '1 day' where id = ?")
                    .param(UUID.fromString(orderId)).update();
            expiry.expireOverdueOrders();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                    "select failure_reason from billing.payments where charge_reference = ?").param(UUID.fromString(orderId))
                    .query(String.class).optional().isPresent());
        } finally {
            jdbc.sql("drop trigger hold_back on billing.payments").update();
            jdbc.sql("drop function " + holdBack + "()").update();
        }

        MvcTestResult history = http.awaitJson("/v1/support/order-history?customer=" + user, "$[0].failureReason", "WITHDRAWN");
        assertThat(history).bodyJson().extractingPath("$[0].status").isEqualTo("EXPIRED");
        assertThat(history).bodyJson().extractingPath("$[0].paid.minorUnits").isEqualTo(0);

        // the charge, delivered again by the retry job, finds its charge withdrawn and takes nothing
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.count("""
                select count(*) from events.event_publication
                where listener_id like '%PaymentProcessor.on%' and serialized_event like ? and completion_date is not null""",
                "%" + orderId + "%") == 1);
        assertThat(http.get("/v1/orders/" + orderId)).bodyJson().extractingPath("$.timeline[*].to").asArray()
                .containsExactly("PENDING_PAYMENT", "EXPIRED");
        assertThat(ledgerEntries(orderId, "CHARGE")).isZero();
        assertThat(http.get("/v1/billing/summary/" + user)).bodyJson().extractingPath("$.balance.minorUnits").isEqualTo(5_000);
    }

    @Test
    void concurrent_orders_of_one_customer_never_overdraw_the_account() throws Exception {
        UUID user = http.registerCustomer("Eager");
        http.topUp(user, 10_000);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<String>> placed = new ArrayList<>();
        try {
            for (int i = 0; i < 25; i++) {
                placed.add(clients.submit(() -> http.placeOrder(user, 1_000)));
            }
            for (Future<String> order : placed) {
                order.get();
            }
        } finally {
            clients.shutdown();
        }

        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> jdbc.count("select count(*) from orders.orders where user_id = ? and status = 'PENDING_PAYMENT'", user) == 0);
        assertThat(jdbc.count("select count(*) from orders.orders where user_id = ? and status = 'PAID'", user)).isEqualTo(10);
        assertThat(jdbc.count("select count(*) from orders.orders where user_id = ? and status = 'PAYMENT_FAILED'", user)).isEqualTo(15);
        assertThat(jdbc.count("select balance_minor from billing.accounts where user_id = ?", user)).isZero();
        assertThat(jdbc.count("select coalesce(sum(amount_minor), 0) from billing.ledger_entries where user_id = ?", user)).isZero();
        assertThat(jdbc.count("select count(*) from billing.payments where user_id = ? and failure_reason = 'INSUFFICIENT_FUNDS'", user))
                .isEqualTo(15);
    }

    private long ledgerEntries(String orderId, String kind) {
        return jdbc.count("select count(*) from billing.ledger_entries where charge_reference = ? and kind = ?",
                UUID.fromString(orderId), kind);
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet pid = statement.executeQuery("select pg_backend_pid()")) {
            pid.next();
            return pid.getInt(1);
        }
    }

    /** Waits until some session waits for a lock the given session holds. */
    private void awaitWaitingFor(int holder) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> jdbc.count(
                "select count(*) from pg_stat_activity where ? = any(pg_blocking_pids(pid))", holder) >= 1);
    }
}
