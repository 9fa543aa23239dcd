package dev.bulkhead.history.internal;

import static dev.bulkhead.testing.HttpClient.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.testing.DatabaseInspector;
import dev.bulkhead.testing.HttpClient;
import dev.bulkhead.testing.IntegrationTest;
import dev.bulkhead.user.UserId;
import dev.bulkhead.user.UserRenamed;
import dev.bulkhead.user.UserView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The order history read model, fed only by events, agrees with what the owning modules say after
 * a mixed workload, can be rebuilt to the same result, and has its drift repaired.
 */
@IntegrationTest
class OrderHistoryReadModelTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    DatabaseInspector inspector;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    HttpClient http;

    @BeforeEach
    void setUp() {
        http = new HttpClient(mvc);
    }

    @Test
    void after_a_mixed_workload_the_read_model_equals_what_the_owning_modules_say_and_a_rebuild_gives_the_same() {
        Workload workload = settledWorkload();
        List<Object> before = historyOf(workload.customers());

        assertThat(http.post("/v1/admin/read-models/order-history/rebuild", "")).hasStatus(HttpStatus.ACCEPTED);
        assertThat(HttpClient.<String>read(http.awaitJobEnd("history.rebuild"), "$.state")).isEqualTo("COMPLETED");

        assertThat(historyOf(workload.customers())).isEqualTo(before);
        assertThat(http.get("/v1/admin/read-models/order-history")).bodyJson().extractingPath("$.rebuilt_at").isNotNull();
    }

    @Test
    void the_read_model_remembers_the_last_event_it_applied_and_applies_each_event_once() {
        Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        UUID user = http.registerCustomer("Once Only");
        UserRenamed renamed = new UserRenamed(UUID.randomUUID(), new UserId(user), "Renamed Once", Instant.now());
        publish(renamed);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> "Renamed Once".equals(customerName(user)));
        inspector.sql("update order_history.customers set name = 'Changed Since' where user_id = ?").param(user).update();

        publish(renamed); // a redelivery of the same event

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> inspector.count(
                "select count(*) from events.event_publication where serialized_event like ? and completion_date is not null",
                "%" + renamed.eventId() + "%") >= 4);
        assertThat(customerName(user)).isEqualTo("Changed Since");
        MvcTestResult state = http.get("/v1/admin/read-models/order-history");
        assertThat(state).hasStatusOk().bodyJson().extractingPath("$.events_applied").asNumber().isNotNull();
        assertThat(state).bodyJson().extractingPath("$.last_event_id").isNotNull();
        assertThat(state).bodyJson().extractingPath("$.last_event_type").isNotNull();
        // the checkpoint is the latest of the applied events: at least the rename applied just now
        assertThat(Instant.parse(read(state, "$.last_applied_at"))).isAfterOrEqualTo(start);
        assertThat(inspector.count("select count(*) from order_history.applied_events where event_id = ?", renamed.eventId()))
                .isEqualTo(1);
    }

    @Test
    void drift_injected_into_the_read_model_is_found_and_repaired() {
        Workload workload = settledWorkload();
        http.reconcile();
        String table = "order_history." + activeTable();
        String unrefunded = workload.orders().get(0);
        String missing = workload.orders().get(1);
        String stale = workload.orders().get(2);
        inspector.sql("update " + table + " set refunded_minor = 0 where order_id = ?::uuid").param(unrefunded).update();
        inspector.sql("delete from " + table + " where order_id = ?::uuid").param(missing).update();
        inspector.sql("update " + table + " set status = 'PENDING_PAYMENT' where order_id = ?::uuid").param(stale).update();

        MvcTestResult report = historyReconciliation();

        long drifted = HttpClient.<Number>read(report, "$.drifted").longValue();
        assertThat(drifted).isGreaterThanOrEqualTo(3);
        assertThat(HttpClient.<Number>read(report, "$.repaired").longValue()).isEqualTo(drifted);
        for (String orderId : List.of(unrefunded, missing, stale)) {
            assertAgreesWithOwners(orderId);
        }
    }

    @Test
    void customers_that_drifted_are_repaired_so_the_text_search_finds_their_orders_again() {
        Workload workload = settledWorkload();
        UUID rich = workload.customers().get(0);
        UUID poor = workload.customers().get(1);
        // a customer's row gone (as if its registration had never been applied) and another's name wrong
        inspector.sql("delete from order_history.customers where user_id = ?").param(rich).update();
        inspector.sql("update order_history.customers set name = 'Someone Else', updated_at = now() - interval '1 day' "
                + "where user_id = ?").param(poor).update();
        assertThat(http.get("/v1/support/order-history?q=Rich " + workload.tag())).bodyJson().extractingPath("$").asArray().isEmpty();

        MvcTestResult report = historyReconciliation();

        assertThat(HttpClient.<Number>read(report, "$.repaired").longValue()).isGreaterThanOrEqualTo(2);
        assertThat(customerName(rich)).isEqualTo("Rich " + workload.tag());
        assertThat(customerName(poor)).isEqualTo("Poor " + workload.tag());
        assertThat(http.get("/v1/support/order-history?q=Rich " + workload.tag())).bodyJson().extractingPath("$[*].orderId")
                .asArray().containsExactlyInAnyOrder(workload.orders().get(0), workload.orders().get(1));
    }

    @Test
    void a_rebuild_brings_the_customers_in_line_too() {
        Workload workload = settledWorkload();
        UUID rich = workload.customers().get(0);
        UUID poor = workload.customers().get(1);
        UUID noSuchUser = UUID.randomUUID();
        inspector.sql("delete from order_history.customers where user_id = ?").param(rich).update();
        inspector.sql("update order_history.customers set email = 'someone@else.example', updated_at = now() - interval '1 day' "
                + "where user_id = ?").param(poor).update();
        inspector.sql("insert into order_history.customers (user_id, name, email, updated_at) "
                + "values (?, 'Nobody', 'nobody@example.com', now() - interval '1 day')").param(noSuchUser).update();

        assertThat(http.post("/v1/admin/read-models/order-history/rebuild", "")).hasStatus(HttpStatus.ACCEPTED);
        assertThat(HttpClient.<String>read(http.awaitJobEnd("history.rebuild"), "$.state")).isEqualTo("COMPLETED");

        for (String orderId : workload.orders()) {
            assertAgreesWithOwners(orderId);
        }
        assertThat(customerEmail(poor)).isEqualTo(read(http.get("/v1/users/" + poor), "$.email"));
        assertThat(customerName(noSuchUser)).as("a customer the user module does not know").isNull();
    }

    @Test
    void a_rename_writes_the_customers_row_alone_and_every_order_of_theirs_shows_the_new_name() {
        Workload workload = settledWorkload();
        UUID rich = workload.customers().get(0);
        List<String> richOrders = workload.orders().subList(0, 2);
        String table = "order_history." + activeTable();
        List<String> versionsBefore = rowVersions(table, richOrders);

        http.patch("/v1/users/" + rich, "{\"name\":\"Renamed " + workload.tag() + "\"}");

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> ("Renamed " + workload.tag()).equals(customerName(rich)));
        assertThat(HttpClient.<List<String>>read(http.get("/v1/support/order-history?customer=" + rich), "$[*].customerName"))
                .containsExactly("Renamed " + workload.tag(), "Renamed " + workload.tag());
        assertThat(rowVersions(table, richOrders)).as("the orders' rows, not written").isEqualTo(versionsBefore);
    }

    @Autowired
    CustomerCopy customers;

    @Autowired
    HistoryTransactions historyTransactions;

    @Test
    void a_customers_repair_never_overwrites_what_the_projection_wrote_after_the_read() {
        UUID user = http.registerCustomer("Read Earlier " + UUID.randomUUID().toString().substring(0, 8));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> customerName(user) != null);
        Instant readFrom = Instant.now().minusSeconds(60); // the user module was read a minute ago
        List<UserView> asRead = List.of(new UserView(new UserId(user), "old@example.com", "Old Name", true, Instant.now()));

        int written = historyTransactions.inTransaction(() -> customers.repair(new CustomerRange(null, null, readFrom, asRead)));

        assertThat(written).isZero();
        assertThat(customerName(user)).startsWith("Read Earlier ");
        // the same read, taken after the projection's write, repairs
        int repaired = historyTransactions.inTransaction(
                () -> customers.repair(new CustomerRange(null, null, Instant.now().plusSeconds(1), asRead)));
        assertThat(repaired).isEqualTo(1);
        assertThat(customerName(user)).isEqualTo("Old Name");
    }

    @Test
    void customers_the_read_did_not_return_are_removed_from_its_range_unless_written_since_the_read() {
        // ids no user has, in a range of their own at the very end of the id space
        UUID rangeStart = UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffff00");
        UUID leftOver = UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffff01");
        UUID writtenSince = UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffff02");
        UUID pastTheRange = UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffff03");
        Instant readFrom = Instant.now().minusSeconds(60);
        try {
            for (UUID id : List.of(leftOver, pastTheRange)) {
                inspector.sql("insert into order_history.customers (user_id, name, email, updated_at) "
                        + "values (?, 'Left', 'left@example.com', now() - interval '1 day')").param(id).update();
            }
            inspector.sql("insert into order_history.customers (user_id, name, email, updated_at) "
                    + "values (?, 'Since', 'since@example.com', now())").param(writtenSince).update();

            int removed = historyTransactions.inTransaction(
                    () -> customers.removeLeftovers(new CustomerRange(rangeStart, writtenSince, readFrom, List.of())));

            assertThat(removed).isEqualTo(1);
            assertThat(customerName(leftOver)).isNull();
            assertThat(customerName(writtenSince)).as("registered after the read").isEqualTo("Since");
            assertThat(customerName(pastTheRange)).as("beyond the range's last user").isEqualTo("Left");
        } finally {
            inspector.sql("delete from order_history.customers where user_id >= ?").param(rangeStart).update();
        }
    }

    @Test
    void the_history_is_searchable_by_customer_text_status_and_date_range() {
        Workload workload = settledWorkload();
        UUID rich = workload.customers().get(0);

        assertThat(http.get("/v1/support/order-history?customer=" + rich + "&status=PAID")).hasStatusOk()
                .bodyJson().extractingPath("$[*].status").asArray().isNotEmpty().containsOnly("PAID");
        assertThat(http.get("/v1/support/order-history?q=" + workload.tag() + "&status=PAYMENT_FAILED")).hasStatusOk()
                .bodyJson().extractingPath("$[*].customerName").asArray().hasSize(1);
        // any part of a name or an email, whatever its case; a renamed customer by the name it has now
        assertThat(http.get("/v1/support/order-history?q=" + workload.tag().toUpperCase())).hasStatusOk()
                .bodyJson().extractingPath("$[*].orderId").asArray().containsExactlyInAnyOrderElementsOf(workload.orders());
        assertThat(http.get("/v1/support/order-history?q=OR." + workload.tag())).as("poor's email, from its middle").hasStatusOk()
                .bodyJson().extractingPath("$[*].orderId").asArray().containsExactly(workload.orders().get(2));
        assertThat(http.get("/v1/support/order-history?q=After " + workload.tag())).hasStatusOk()
                .bodyJson().extractingPath("$[*].orderId").asArray().containsExactly(workload.orders().get(3));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                http.get("/v1/support/order-history?q=Before " + workload.tag())).hasStatusOk()
                .bodyJson().extractingPath("$").asArray().isEmpty());
        assertThat(http.get("/v1/support/order-history?customer=" + rich + "&from=" + Instant.now().plusSeconds(60)))
                .hasStatusOk().bodyJson().extractingPath("$").asArray().isEmpty();
        assertThat(http.get("/v1/support/order-history?customer=" + rich + "&from=2020-01-01T00:00:00Z&to=2100-01-01T00:00:00Z&size=1"))
                .hasStatusOk().bodyJson().extractingPath("$").asArray().hasSize(1);
    }

    @Test
    void the_operators_page_counts_the_inbox_marks_when_few_and_takes_the_planners_estimate_when_many() {
        String table = "order_history.applied_events";
        http.registerCustomer("Marked " + UUID.randomUUID().toString().substring(0, 8)); // at least one mark: an estimate scales to the table's pages
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> inspector.count(
                "select pg_relation_size(cast(? as regclass)) / current_setting('block_size')::int", table) > 0);
        long pruned = inspector.count("select pruned_events from order_history.projection_state");
        long pages = inspector.count("select pg_relation_size(cast(? as regclass)) / current_setting('block_size')::int", table);
        try {
            inspector.sql("analyze " + table).update();
            long before = inspector.count("select count(*) from " + table);
            MvcTestResult counted = http.get("/v1/admin/read-models/order-history");
            assertThat(counted).hasStatusOk().bodyJson().extractingPath("$.events_applied_estimated").isEqualTo(false);
            // deliveries of earlier tests' events may still be landing
            assertThat(HttpClient.<Number>read(counted, "$.events_applied").longValue() - pruned)
                    .isBetween(before, inspector.count("select count(*) from " + table));

            inspector.sql("update pg_class set reltuples = 3000000, relpages = ? where oid = cast(? as regclass)")
                    .param(pages).param(table).update();
            MvcTestResult estimated = http.get("/v1/admin/read-models/order-history");
            assertThat(estimated).hasStatusOk().bodyJson().extractingPath("$.events_applied_estimated").isEqualTo(true);
            assertThat(HttpClient.<Number>read(estimated, "$.events_applied").longValue() - pruned)
                    .as("the estimate, at least the table's pages' worth").isGreaterThanOrEqualTo(3_000_000);
        } finally {
            inspector.sql("analyze " + table).update();
        }
    }

    @Test
    void bad_searches_get_400_naming_the_field() {
        assertRejected(http.get("/v1/support/order-history?status=LOST"), "status");
        assertRejected(http.get("/v1/support/order-history?customer=42"), "customer");
        assertRejected(http.get("/v1/support/order-history?size=0"), "size");
        assertRejected(http.get("/v1/support/order-history?page=-1"), "page");
        assertRejected(http.get("/v1/support/order-history?q=x"), "q");
        assertRejected(http.get("/v1/support/order-history?from=yesterday"), "from");
        assertRejected(http.get("/v1/support/order-history?from=2030-01-01T00:00:00Z&to=2020-01-01T00:00:00Z"), "to");
    }

    /** The workload below, once the read model agrees with the owning modules on each of its orders. */
    private Workload settledWorkload() {
        Workload workload = mixedWorkload();
        for (String orderId : workload.orders()) {
            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertAgreesWithOwners(orderId));
        }
        return workload;
    }

    /** Runs the reconciliations; the order history's report. */
    private MvcTestResult historyReconciliation() {
        return http.reconcile().stream().filter(job -> "history.order-history".equals(read(job, "$.name"))).findFirst()
                .orElseThrow();
    }

    /** Three customers: one pays twice and cancels once (a refund), one cannot pay, one pays and is renamed. */
    private Workload mixedWorkload() {
        String tag = "wl" + UUID.randomUUID().toString().substring(0, 8);
        UUID rich = http.registerCustomer("Rich " + tag);
        UUID poor = http.registerCustomer("Poor " + tag);
        UUID renamed = http.registerCustomer("Before " + tag);
        http.topUp(rich, 10_000);
        http.topUp(renamed, 1_000);
        List<String> orders = new ArrayList<>();
        orders.add(place(rich, 2_000));
        orders.add(place(rich, 3_000));
        orders.add(place(poor, 500));
        orders.add(place(renamed, 400));
        for (String order : orders) {
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !"PENDING_PAYMENT".equals(read(http.get("/v1/orders/" + order), "$.status")));
        }
        http.post("/v1/orders/" + orders.get(0) + "/cancel", "");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> "REFUNDED".equals(read(http.get("/v1/orders/" + orders.get(0)), "$.status")));
        http.patch("/v1/users/" + renamed, "{\"name\":\"After " + tag + "\"}");
        return new Workload(tag, List.of(rich, poor, renamed), orders);
    }

    private record Workload(String tag, List<UUID> customers, List<String> orders) {
    }

    private String place(UUID user, long price) {
        return read(http.post("/v1/orders", "{\"userId\":\"" + user + "\",\"currency\":\"EUR\",\"lines\":[{\"sku\":\"ITEM\",\"quantity\":1,\"unitPrice\":" + price + "}]}"), "$.id");
    }

    /** The read model's row for an order against the order, user and billing modules' own answers. */
    private void assertAgreesWithOwners(String orderId) {
        MvcTestResult order = http.get("/v1/orders/" + orderId);
        String userId = read(order, "$.userId");
        List<Map<String, Object>> rows = read(http.get("/v1/support/order-history?customer=" + userId + "&size=100"),
                "$[?(@.orderId == '" + orderId + "')]");
        assertThat(rows).as("read model row of order %s", orderId).hasSize(1);
        Map<String, Object> row = rows.get(0);
        assertThat(row.get("status")).isEqualTo(read(order, "$.status"));
        assertThat(((Map<?, ?>) row.get("total")).get("minorUnits")).isEqualTo(read(order, "$.total.minorUnits"));
        assertThat(row.get("customerName")).isEqualTo(read(http.get("/v1/users/" + userId), "$.name"));
        List<Object> payments = read(http.get("/v1/billing/summary/" + userId),
                "$.recentPayments[?(@.chargeReference == '" + orderId + "' && (@.status == 'COMPLETED' || @.status == 'REFUNDED'))].amount.minorUnits");
        long paid = payments.isEmpty() ? 0 : ((Number) payments.get(0)).longValue();
        assertThat(((Number) ((Map<?, ?>) row.get("paid")).get("minorUnits")).longValue()).isEqualTo(paid);
        List<Object> refunds = read(http.get("/v1/billing/summary/" + userId),
                "$.recentRefunds[?(@.chargeReference == '" + orderId + "')].amount.minorUnits");
        long refunded = refunds.isEmpty() ? 0 : ((Number) refunds.get(0)).longValue();
        assertThat(((Number) ((Map<?, ?>) row.get("refunded")).get("minorUnits")).longValue()).isEqualTo(refunded);
    }

    private List<Object> historyOf(List<UUID> customers) {
        List<Object> rows = new ArrayList<>();
        for (UUID customer : customers) {
            rows.add(read(http.get("/v1/support/order-history?customer=" + customer + "&size=100"), "$"));
        }
        return rows;
    }

    private String customerName(UUID user) {
        return inspector.sql("select name from order_history.customers where user_id = ?").param(user)
                .query(String.class).optional().orElse(null);
    }

    private String customerEmail(UUID user) {
        return inspector.sql("select email from order_history.customers where user_id = ?").param(user)
                .query(String.class).optional().orElse(null);
    }

    /** Each row's version (its xmin): a row written since, even with the same values, has another. */
    private List<String> rowVersions(String table, List<String> orderIds) {
        return orderIds.stream().map(order -> inspector.sql("select xmin::text from " + table + " where order_id = ?::uuid")
                .param(order).query(String.class).single()).toList();
    }

    private void publish(Object event) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setName("dev.bulkhead.user.internal.Redelivery.publish");
        template.executeWithoutResult(status -> events.publishEvent(event));
    }

    private static void assertRejected(MvcTestResult result, String field) {
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[*].field").asArray().contains(field);
    }

    /** The table readers read now: a rebuild swaps it (ADR 0034). */
    private String activeTable() {
        return inspector.sql("select active from order_history.read_model_tables").query(String.class).single();
    }
}
