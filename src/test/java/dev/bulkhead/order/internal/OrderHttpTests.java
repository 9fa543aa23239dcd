package dev.bulkhead.order.internal;

import dev.bulkhead.testing.DatabaseInspector;
import static dev.bulkhead.testing.HttpClient.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.billing.PaymentCompleted;
import dev.bulkhead.billing.PaymentFailed;
import dev.bulkhead.order.OrderPlaced;
import dev.bulkhead.testing.HttpClient;
import dev.bulkhead.testing.IntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The order → payment → order saga through the HTTP API, on the whole application and a real PostgreSQL. */
@IntegrationTest
class OrderHttpTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    DatabaseInspector jdbc;

    HttpClient http;

    @BeforeEach
    void setUp() {
        http = new HttpClient(mvc);
    }

    @Test
    void an_order_covered_by_the_balance_ends_paid_and_charges_the_account_once() {
        UUID user = http.registerCustomer("Ada");
        http.topUp(user, 5_000);

        MvcTestResult placed = http.post("/v1/orders", order(user, "{\"sku\":\"BOOK-1\",\"quantity\":2,\"unitPrice\":1250}"));

        assertThat(placed).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.status").isEqualTo("PENDING_PAYMENT");
        String orderId = read(placed, "$.id");
        assertThat(placed).headers().hasValue("Location", "/v1/orders/" + orderId);
        assertThat(placed).bodyJson().extractingPath("$.total.minorUnits").isEqualTo(2500);

        MvcTestResult paid = http.awaitJson("/v1/orders/" + orderId, "$.status", "PAID");
        assertThat(paid).bodyJson().extractingPath("$.timeline[*].to").asArray().containsExactly("PENDING_PAYMENT", "PAID");
        MvcTestResult summary = http.get("/v1/billing/summary/" + user);
        assertThat(summary).bodyJson().extractingPath("$.balance.minorUnits").isEqualTo(2500);
        assertThat(summary).bodyJson().extractingPath("$.recentPayments[0].chargeReference").isEqualTo(orderId);
        assertThat(summary).bodyJson().extractingPath("$.recentPayments[0].status").isEqualTo("COMPLETED");
        assertThat(completedPublications(OrderPlaced.class, orderId, "billing")).isEqualTo(1);
        assertThat(completedPublications(PaymentCompleted.class, orderId, "order")).isEqualTo(1);
        assertThat(completedPublications(PaymentFailed.class, orderId, "order")).isZero();
    }

    @Test
    void an_order_above_the_balance_ends_payment_failed_and_charges_nothing() {
        UUID user = http.registerCustomer("Barbara");
        http.topUp(user, 1_000);

        String orderId = read(http.post("/v1/orders", order(user, "{\"sku\":\"LAPTOP\",\"quantity\":1,\"unitPrice\":99900}")), "$.id");

        MvcTestResult failed = http.awaitJson("/v1/orders/" + orderId, "$.status", "PAYMENT_FAILED");
        assertThat(failed).bodyJson().extractingPath("$.timeline[1].cause").asString().contains("INSUFFICIENT_FUNDS");
        assertThat(http.get("/v1/billing/summary/" + user)).bodyJson().extractingPath("$.balance.minorUnits").isEqualTo(1000);
        assertThat(completedPublications(PaymentFailed.class, orderId, "order")).isEqualTo(1);
        assertThat(completedPublications(PaymentCompleted.class, orderId, "order")).isZero();
    }

    @Test
    void orders_by_unknown_or_deactivated_users_get_422_and_write_nothing() {
        UUID former = http.registerCustomer("Former");
        http.post("/v1/users/" + former + "/deactivate", "");
        long before = orders();

        assertRejected(http.post("/v1/orders", order(UUID.randomUUID(), line())), HttpStatus.UNPROCESSABLE_CONTENT, "userId");
        assertRejected(http.post("/v1/orders", order(former, line())), HttpStatus.UNPROCESSABLE_CONTENT, "userId");
        assertThat(orders()).isEqualTo(before);
    }

    @Test
    void malformed_orders_get_400_naming_the_field_and_write_nothing() {
        UUID user = http.registerCustomer("Careful");
        long before = orders();

        assertRejected(http.post("/v1/orders", "{\"userId\":\"" + user + "\",\"currency\":\"EUR\",\"lines\":[]}"), HttpStatus.BAD_REQUEST, "lines");
        assertRejected(http.post("/v1/orders", order(user, "{\"sku\":\"A\",\"quantity\":0,\"unitPrice\":100}")), HttpStatus.BAD_REQUEST, "lines[0].quantity");
        assertRejected(http.post("/v1/orders", order(user, "{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":-1}")), HttpStatus.BAD_REQUEST, "lines[0].unitPrice");
        assertRejected(http.post("/v1/orders", order(user, "{\"sku\":\"A\",\"quantity\":\"two\",\"unitPrice\":100}")), HttpStatus.BAD_REQUEST, "lines[0].quantity");
        assertRejected(http.post("/v1/orders", order(user, "{\"sku\":\"\",\"quantity\":1,\"unitPrice\":100}")), HttpStatus.BAD_REQUEST, "lines[0].sku");
        assertRejected(http.post("/v1/orders", order(user, "{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":100000001}")), HttpStatus.BAD_REQUEST, "lines[0].unitPrice");
        assertRejected(http.post("/v1/orders", "{\"userId\":\"" + user + "\",\"currency\":\"euro\",\"lines\":[" + line() + "]}"), HttpStatus.BAD_REQUEST, "currency");
        assertRejected(http.post("/v1/orders", "{\"userId\":\"not-a-uuid\",\"currency\":\"EUR\",\"lines\":[" + line() + "]}"), HttpStatus.BAD_REQUEST, "userId");
        assertRejected(http.post("/v1/orders", "{\"currency\":\"EUR\",\"lines\":[" + line() + "]}"), HttpStatus.BAD_REQUEST, "userId");
        assertRejected(http.post("/v1/orders", "[1, 2"), HttpStatus.BAD_REQUEST, "body");
        String tooManyLines = String.join(",", java.util.Collections.nCopies(101, line()));
        assertRejected(http.post("/v1/orders", "{\"userId\":\"" + user + "\",\"currency\":\"EUR\",\"lines\":[" + tooManyLines + "]}"), HttpStatus.BAD_REQUEST, "lines");

        assertThat(orders()).isEqualTo(before);
    }

    @Test
    void an_order_is_read_by_id_and_unknown_or_malformed_ids_get_404_or_400() {
        UUID user = http.registerCustomer("Reader");
        String orderId = read(http.post("/v1/orders", order(user, line())), "$.id");

        assertThat(http.get("/v1/orders/" + orderId)).hasStatusOk().bodyJson().extractingPath("$.userId").isEqualTo(user.toString());
        assertThat(http.get("/v1/orders/" + UUID.randomUUID())).hasStatus(HttpStatus.NOT_FOUND);
        assertRejected(http.get("/v1/orders/123"), HttpStatus.BAD_REQUEST, "id");
    }

    @Test
    void a_users_orders_are_listed_newest_first_with_bad_paging_refused() {
        UUID user = http.registerCustomer("Lister");
        String first = read(http.post("/v1/orders", order(user, line())), "$.id");
        String second = read(http.post("/v1/orders", order(user, line())), "$.id");

        MvcTestResult listed = http.get("/v1/orders?userId=" + user);
        assertThat(listed).hasStatusOk().bodyJson().extractingPath("$[*].id").asArray().containsExactly(second, first);
        assertThat(http.get("/v1/orders?userId=" + user + "&size=1&page=1")).bodyJson().extractingPath("$[*].id").asArray().containsExactly(first);
        assertThat(http.get("/v1/orders?userId=" + UUID.randomUUID())).hasStatusOk().bodyJson().extractingPath("$").asArray().isEmpty();

        assertRejected(http.get("/v1/orders?userId=nope"), HttpStatus.BAD_REQUEST, "userId");
        assertRejected(http.get("/v1/orders?userId=" + user + "&size=0"), HttpStatus.BAD_REQUEST, "size");
        assertRejected(http.get("/v1/orders?userId=" + user + "&size=101"), HttpStatus.BAD_REQUEST, "size");
        assertRejected(http.get("/v1/orders?userId=" + user + "&page=-1"), HttpStatus.BAD_REQUEST, "page");
        assertRejected(http.get("/v1/orders?userId=" + user + "&page=x"), HttpStatus.BAD_REQUEST, "page");
    }

    private static void assertRejected(MvcTestResult result, HttpStatus status, String field) {
        assertThat(result).hasStatus(status).bodyJson().extractingPath("$.errors[*].field").asArray().contains(field);
    }

    private static String order(UUID user, String... lines) {
        return "{\"userId\":\"" + user + "\",\"currency\":\"EUR\",\"lines\":[" + String.join(",", List.of(lines)) + "]}";
    }

    private static String line() {
        return "{\"sku\":\"PEN\",\"quantity\":1,\"unitPrice\":100}";
    }

    private long orders() {
        return jdbc.sql("select count(*) from orders.orders").query(Long.class).single();
    }

    /** Completed deliveries of an event about the order to the listeners of one module. */
    private long completedPublications(Class<?> eventType, String orderId, String listeningModule) {
        return jdbc.sql("""
                select count(*) from events.event_publication
                where event_type = ? and serialized_event like ? and listener_id like ? and completion_date is not null""")
                .param(eventType.getName()).param("%" + orderId + "%").param("dev.bulkhead." + listeningModule + ".%")
                .query(Long.class).single();
    }
}
