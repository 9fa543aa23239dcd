package dev.bulkhead.platform.events;

import static dev.bulkhead.testing.HttpClient.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.testing.DatabaseInspector;
import dev.bulkhead.testing.HttpClient;
import dev.bulkhead.testing.IntegrationTest;
import dev.bulkhead.user.UserId;
import dev.bulkhead.user.UserRenamed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Durable delivery on the whole application: a failing listener is retried with back-off, then
 * parked with its error for an operator, who can resubmit it; a delivery's completion commits with
 * the listener's work; and every kind of event delivered a second time (as when a retry races a slow
 * first delivery, or an operator resubmits one) changes nothing.
 * {@code @IntegrationTest} retries within a second and parks after three deliveries.
 */
@IntegrationTest
class EventDeliveryTests {

    private static final String BILLING_RENAME_LISTENER = "dev.bulkhead.billing.internal.AccountLifecycle.on(dev.bulkhead.user.UserRenamed)";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    DatabaseInspector jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    EventRetryJob retryJob;

    @Autowired
    Clock clock;

    HttpClient http;

    @BeforeEach
    void setUp() {
        http = new HttpClient(mvc);
    }

    @Test
    void a_failing_listener_is_retried_then_parked_with_its_error_and_an_operator_resubmits_it() {
        // billing cannot rename an account it never opened: its listener throws on every delivery
        UserId ghost = UserId.random();
        UUID eventId = publish(new UserRenamed(UUID.randomUUID(), ghost, "Ghost", clock.instant()));
        String publication = awaitPublication(eventId, "PARKED");

        MvcTestResult parked = http.get("/v1/admin/events/" + publication);
        assertThat(parked).hasStatusOk().bodyJson().extractingPath("$.attempts").isEqualTo(3);
        assertThat(parked).bodyJson().extractingPath("$.failures").isEqualTo(3);
        assertThat(parked).bodyJson().extractingPath("$.listener").isEqualTo(BILLING_RENAME_LISTENER);
        assertThat(parked).bodyJson().extractingPath("$.eventType").isEqualTo(UserRenamed.class.getName());
        assertThat(parked).bodyJson().extractingPath("$.lastError").asString().contains("no account yet for user " + ghost);
        assertThat(http.get("/v1/admin/events?state=PARKED")).hasStatusOk()
                .bodyJson().extractingPath("$.publications[*].id").asArray().contains(publication);
        assertThat(http.get("/v1/admin/events")).bodyJson().extractingPath("$.parked").asNumber().isNotEqualTo(0);
        // parked means left alone: the retry job does not pick it up again
        retryJob.retryDue();
        assertThat(http.get("/v1/admin/events/" + publication)).bodyJson().extractingPath("$.attempts").isEqualTo(3);

        // the operator fixes the cause (the account exists now) and resubmits
        openAccount(ghost);
        MvcTestResult resubmitted = http.post("/v1/admin/events/" + publication + "/resubmit", "");

        assertThat(resubmitted).hasStatus(HttpStatus.ACCEPTED);
        awaitPublication(eventId, "COMPLETED");
        assertThat(jdbc.sql("select name from billing.accounts where user_id = ?").param(ghost.value())
                .query(String.class).single()).isEqualTo("Ghost");
        assertThat(http.post("/v1/admin/events/" + publication + "/resubmit", "")).hasStatus(HttpStatus.CONFLICT);
        assertThat(http.post("/v1/admin/events/" + UUID.randomUUID() + "/resubmit", "")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(http.get("/v1/admin/events?state=LOST")).hasStatus(HttpStatus.BAD_REQUEST);
    }

    /**
     * Once a publication is older than the inbox keeps its marks ({@code bulkhead.retention.inbox}, 7 days), a listener
     * that applied it may have forgotten so: resubmitting it could apply it twice, so it is refused, with the time
     * until which it was resubmittable (ADR 0033). Aged in SQL, as a week passing would.
     */
    @Test
    void a_parked_publication_older_than_the_inbox_retention_is_refused_and_a_recent_one_resubmitted() {
        UserId ghost = UserId.random();
        UUID eventId = publish(new UserRenamed(UUID.randomUUID(), ghost, "Too Late", clock.instant()));
        String publication = awaitPublication(eventId, "PARKED");
        Instant published = clock.instant().minus(Duration.ofDays(8));
        jdbc.sql("update events.event_publication set publication_date = ? where id = ?::uuid")
                .param(java.sql.Timestamp.from(published)).param(publication).update();

        MvcTestResult refused = http.post("/v1/admin/events/" + publication + "/resubmit", "");

        assertThat(refused).hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.errors[0].field").isEqualTo("id");
        assertThat(refused).bodyJson().extractingPath("$.detail").asString().contains("bulkhead.retention.inbox");
        assertThat(Instant.parse(read(refused, "$.resubmittableUntil"))).isEqualTo(published.plus(Duration.ofDays(7)));
        assertThat(http.get("/v1/admin/events/" + publication)).bodyJson().extractingPath("$.state").isEqualTo("PARKED");

        jdbc.sql("update events.event_publication set publication_date = now() - interval '6 days' where id = ?::uuid")
                .param(publication).update();
        openAccount(ghost);

        assertThat(http.post("/v1/admin/events/" + publication + "/resubmit", "")).hasStatus(HttpStatus.ACCEPTED);
        awaitPublication(eventId, "COMPLETED");
    }

    @Test
    void a_listener_that_fails_for_a_while_succeeds_on_a_later_retry_without_an_operator() {
        UserId late = UserId.random();
        UUID eventId = publish(new UserRenamed(UUID.randomUUID(), late, "Latecomer", clock.instant()));
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> jdbc.count("select count(*) from events.publication_failures where event_id = ?", eventId) >= 1);

        openAccount(late);

        awaitPublication(eventId, "COMPLETED");
        assertThat(jdbc.sql("select name from billing.accounts where user_id = ?").param(late.value())
                .query(String.class).single()).isEqualTo("Latecomer");
    }

    /**
     * A listener's work and its publication's completion commit as one transaction: PostgreSQL stamps
     * every row a transaction writes with its id ({@code xmin}), and billing's payment and order's
     * inbox row carry the same id as the completed publications that made them. No delivery is ever
     * marked PROCESSING in a transaction of its own.
     */
    @Test
    void a_delivery_is_marked_completed_in_the_listeners_own_transaction() {
        UUID customer = http.registerCustomer("Atomic");
        http.topUp(customer, 10_000);
        String order = http.placeOrder(customer, 1_000);
        http.awaitJson("/v1/orders/" + order, "$.status", "PAID");
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> jdbc.count("""
                select count(*) from events.event_publication
                where ? in (serialized_event::jsonb ->> 'orderId', serialized_event::jsonb ->> 'chargeReference')
                  and completion_date is null""", order) == 0);

        String payment = transactionOf("select xmin::text from billing.payments where charge_reference = ?::uuid", order);
        assertThat(transactionOf("""
                select xmin::text from events.event_publication
                where listener_id like 'dev.bulkhead.billing.internal.PaymentProcessor.on(%' and serialized_event::jsonb ->> 'orderId' = ?""",
                order)).isEqualTo(payment);
        String paymentCompleted = transactionOf("""
                select xmin::text from events.event_publication
                where listener_id like 'dev.bulkhead.order.internal.PaymentOutcomes.on(%' and serialized_event::jsonb ->> 'chargeReference' = ?""",
                order);
        assertThat(transactionOf("""
                select i.xmin::text from orders.applied_events i join events.event_publication p
                  on cast(p.serialized_event::jsonb ->> 'eventId' as uuid) = i.event_id
                where p.listener_id like 'dev.bulkhead.order.internal.PaymentOutcomes.on(%' and p.serialized_event::jsonb ->> 'chargeReference' = ?""",
                order)).isEqualTo(paymentCompleted);
        assertThat(jdbc.count("select count(*) from events.event_publication where status = 'PROCESSING'")).isZero();
    }

    /**
     * A change the database refuses only when the persistence context is flushed (a name longer than
     * billing's column) fails the delivery like any other error of the listener: FAILED with its error,
     * nothing of it applied, never COMPLETED.
     */
    @Test
    void a_listener_whose_changes_the_database_refuses_fails_and_applies_nothing() {
        UserId customer = UserId.random();
        openAccount(customer);
        UUID eventId = publish(new UserRenamed(UUID.randomUUID(), customer, "N".repeat(300), clock.instant()));

        String publication = awaitPublication(eventId, "PARKED");

        assertThat(http.get("/v1/admin/events/" + publication)).bodyJson().extractingPath("$.lastError").asString()
                .contains("value too long");
        assertThat(jdbc.sql("select name from billing.accounts where user_id = ?").param(customer.value())
                .query(String.class).single()).isEqualTo("Unnamed");
        assertThat(jdbc.count("select count(*) from billing.applied_events where event_id = ?", eventId)).isZero();
    }

    /**
     * Runs the saga through every cross-module event, then makes the registry forget every
     * completion and believe the deliveries were abandoned by a crashed instance: the retry job
     * delivers every event again, and no table of any module changes.
     */
    @Test
    void every_event_delivered_again_after_a_crash_changes_nothing() {
        Instant start = clock.instant();
        UUID paying = http.registerCustomer("Paying");
        http.topUp(paying, 10_000);
        http.patch("/v1/users/" + paying, "{\"name\":\"Paying Customer\"}");
        String paid = http.placeOrder(paying, 1_000);
        String cancelled = http.placeOrder(paying, 2_000);
        http.awaitJson("/v1/orders/" + cancelled, "$.status", "PAID");
        http.post("/v1/orders/" + cancelled + "/cancel", "");
        String tooExpensive = http.placeOrder(paying, 1_000_000);
        UUID leaving = http.registerCustomer("Leaving");
        http.post("/v1/users/" + leaving + "/deactivate", "");
        String expired = expiredOrder(paying);
        http.awaitJson("/v1/orders/" + paid, "$.status", "PAID");
        http.awaitJson("/v1/orders/" + cancelled, "$.status", "REFUNDED");
        http.awaitJson("/v1/orders/" + tooExpensive, "$.status", "PAYMENT_FAILED");
        http.awaitJson("/v1/billing/summary/" + leaving, "$.active", false);
        awaitAllCompletedSince(start);
        Map<String, Object> before = state(List.of(paying, leaving), List.of(paid, cancelled, tooExpensive, expired));

        int forgotten = jdbc.sql("""
                update events.event_publication
                set completion_date = null, status = 'PROCESSING', completion_attempts = 1, last_resubmission_date = null,
                    publication_date = publication_date - interval '1 hour'
                where publication_date >= ?""").param(java.sql.Timestamp.from(start)).update();
        awaitAllCompletedSince(start.minus(Duration.ofHours(1)));

        assertThat(jdbc.sql("select distinct event_type from events.event_publication where publication_date >= ?")
                .param(java.sql.Timestamp.from(start.minus(Duration.ofHours(1)))).query(String.class).list())
                .as("every kind of cross-module event was delivered again")
                .contains("dev.bulkhead.user.UserRegistered", "dev.bulkhead.user.UserRenamed",
                        "dev.bulkhead.user.UserDeactivated", "dev.bulkhead.order.OrderPlaced",
                        "dev.bulkhead.order.OrderCancelled", "dev.bulkhead.order.OrderExpired",
                        "dev.bulkhead.billing.PaymentCompleted", "dev.bulkhead.billing.PaymentFailed",
                        "dev.bulkhead.billing.PaymentRefunded");
        // every forgotten delivery was made once more (a natural retry on a loaded machine may add to that)
        assertThat(jdbc.count("select count(*) from events.event_publication where publication_date >= ? and completion_attempts >= 2",
                java.sql.Timestamp.from(start.minus(Duration.ofHours(1))))).isGreaterThanOrEqualTo(forgotten);
        assertThat(jdbc.count("select count(*) from events.publication_failures where error like 'abandoned%' and failed_at >= ?",
                java.sql.Timestamp.from(start))).isGreaterThanOrEqualTo(forgotten);
        assertThat(state(List.of(paying, leaving), List.of(paid, cancelled, tooExpensive, expired))).isEqualTo(before);
    }

    /** An order left unpaid (its charge request never sent, as if lost with a crashed instance) that has expired. */
    private String expiredOrder(UUID user) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into orders.orders (id, user_id, status, currency, total_minor, placed_at, version)
                values (?, ?, 'PENDING_PAYMENT', 'EUR', 700, now() - interval '1 day', 0)""").param(id).param(user).update();
        jdbc.sql("""
                insert into orders.order_transitions (order_id, seq, from_status, to_status, occurred_at, cause)
                values (?, 0, null, 'PENDING_PAYMENT', now() - interval '1 day', 'PlaceOrder request')""").param(id).update();
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> "EXPIRED".equals(read(http.get("/v1/orders/" + id), "$.status")));
        return id.toString();
    }

    /** Every row the saga wrote for these users and orders, in a stable order. */
    private Map<String, Object> state(List<UUID> users, List<String> orders) {
        UUID[] userIds = users.toArray(UUID[]::new);
        UUID[] orderIds = orders.stream().map(UUID::fromString).toArray(UUID[]::new);
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("accounts", rows("select user_id, name, active, balance_minor from billing.accounts where user_id = any(?) order by user_id", userIds));
        state.put("ledger", rows("select id, kind, amount_minor, charge_reference from billing.ledger_entries where user_id = any(?) order by id", userIds));
        state.put("payments", rows("select id, charge_reference, status, failure_reason from billing.payments where user_id = any(?) order by id", userIds));
        state.put("orders", rows("select id, status, version from orders.orders where id = any(?) order by id", orderIds));
        state.put("timelines", rows("select order_id, seq, to_status, cause from orders.order_transitions where order_id = any(?) order by order_id, seq", orderIds));
        state.put("billing inbox", jdbc.count("select count(*) from billing.applied_events"));
        state.put("orders inbox", jdbc.count("select count(*) from orders.applied_events"));
        return state;
    }

    private List<Map<String, Object>> rows(String sql, UUID[] ids) {
        return jdbc.sql(sql).param(ids).query().listOfRows();
    }

    private void awaitAllCompletedSince(Instant since) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> jdbc.count("select count(*) from events.event_publication where publication_date >= ? and completion_date is null",
                        java.sql.Timestamp.from(since)) == 0);
    }

    private String transactionOf(String sql, String orderId) {
        return jdbc.sql(sql).param(orderId).query(String.class).single();
    }

    private UUID publish(Object event) {
        transactions.executeWithoutResult(status -> events.publishEvent(event));
        return ((dev.bulkhead.kernel.IntegrationEvent) event).eventId();
    }

    /** Waits until the operations view shows the event's publication in {@code state}; returns the publication's id. */
    private String awaitPublication(UUID eventId, String state) {
        String[] id = new String[1];
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() -> {
            id[0] = jdbc.sql("""
                    select cast(id as text) from events.event_publication
                    where serialized_event::jsonb ->> 'eventId' = ? and listener_id = ?""")
                    .param(eventId.toString()).param(BILLING_RENAME_LISTENER).query(String.class).optional().orElse(null);
            return id[0] != null && state.equals(read(http.get("/v1/admin/events/" + id[0]), "$.state"));
        });
        return id[0];
    }

    /** Opens a billing account as billing would on UserRegistered, by writing the row directly. */
    private void openAccount(UserId user) {
        jdbc.sql("""
                insert into billing.accounts (user_id, email, name, active, currency, balance_minor, opened_at, version)
                values (?, 'ghost@example.com', 'Unnamed', true, 'EUR', 0, now(), 0)""").param(user.value()).update();
    }
}
