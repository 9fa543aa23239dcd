package dev.bulkhead.platform.security;

import static dev.bulkhead.testing.HttpClient.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.testing.DatabaseInspector;
import dev.bulkhead.testing.HttpClient;
import dev.bulkhead.testing.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Orders and top-ups are safe to retry with an Idempotency-Key, one at a time or all at once. */
@IntegrationTest
class IdempotencyTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    DatabaseInspector inspector;

    HttpClient http;
    UUID customer;

    @BeforeEach
    void setUp() {
        http = new HttpClient(mvc);
        customer = http.registerCustomer("Retrying Customer");
    }

    @Test
    void a_retried_order_returns_the_first_result_and_creates_nothing_new() {
        String key = UUID.randomUUID().toString();

        MvcTestResult first = http.post("/v1/orders", order(200), key);
        MvcTestResult retry = http.post("/v1/orders", order(200), key);

        assertThat(first).hasStatus(HttpStatus.CREATED);
        assertThat(retry).hasStatus(HttpStatus.CREATED);
        assertThat((String) read(retry, "$.id")).isEqualTo(read(first, "$.id"));
        assertThat(orders()).isEqualTo(1);
    }

    @Test
    void the_same_key_with_a_different_request_gets_422_and_creates_nothing() {
        String key = UUID.randomUUID().toString();
        http.post("/v1/orders", order(200), key);

        MvcTestResult different = http.post("/v1/orders", order(999), key);

        assertThat(different).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("Idempotency-Key");
        assertThat(orders()).isEqualTo(1);
        assertThat(http.post("/v1/orders", order(200), " ")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(http.post("/v1/orders", order(200), "x".repeat(201))).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void concurrent_duplicate_orders_with_one_key_create_exactly_one_order() throws Exception {
        String key = UUID.randomUUID().toString();
        List<MvcTestResult> results = concurrently(8, () -> http.post("/v1/orders", order(300), key));

        assertThat(results).allSatisfy(result -> assertThat(result).hasStatus(HttpStatus.CREATED));
        assertThat(results.stream().map(result -> (String) read(result, "$.id")).distinct()).hasSize(1);
        assertThat(orders()).isEqualTo(1);
    }

    @Test
    void concurrent_duplicate_top_ups_with_one_key_add_the_money_once() throws Exception {
        String key = UUID.randomUUID().toString();
        String path = "/v1/billing/accounts/" + customer + "/top-ups";
        List<MvcTestResult> results = concurrently(8, () -> http.post(path, "{\"amount\":700,\"currency\":\"EUR\"}", key));

        assertThat(results).allSatisfy(result -> assertThat(result).hasStatus(HttpStatus.CREATED));
        assertThat(inspector.count("select count(*) from billing.ledger_entries where user_id = ? and kind = 'TOP_UP'", customer))
                .isEqualTo(1);
        assertThat(http.get("/v1/billing/summary/" + customer)).bodyJson().extractingPath("$.balance.minorUnits").isEqualTo(700);
    }

    /**
     * A key is remembered for {@code bulkhead.idempotency.window} (24 h): after it the same key is a new request
     * (ADR 0033). The key's row is aged in SQL, as a day passing would.
     */
    @Test
    void the_same_key_after_the_window_places_a_new_order_and_within_it_returns_the_first() {
        String key = UUID.randomUUID().toString();
        MvcTestResult first = http.post("/v1/orders", order(200), key);
        age(key, "23 hours");

        MvcTestResult withinTheWindow = http.post("/v1/orders", order(200), key);
        age(key, "25 hours");
        MvcTestResult afterTheWindow = http.post("/v1/orders", order(200), key);
        MvcTestResult retryOfTheNewOne = http.post("/v1/orders", order(200), key);

        assertThat((String) read(withinTheWindow, "$.id")).isEqualTo(read(first, "$.id"));
        assertThat(afterTheWindow).hasStatus(HttpStatus.CREATED);
        assertThat((String) read(afterTheWindow, "$.id")).isNotEqualTo(read(first, "$.id"));
        assertThat((String) read(retryOfTheNewOne, "$.id")).isEqualTo(read(afterTheWindow, "$.id"));
        assertThat(orders()).isEqualTo(2);
    }

    @Test
    void an_expired_key_with_a_different_request_is_a_new_request_not_a_422() {
        String key = UUID.randomUUID().toString();
        http.post("/v1/orders", order(200), key);
        age(key, "25 hours");

        assertThat(http.post("/v1/orders", order(999), key)).hasStatus(HttpStatus.CREATED);
        assertThat(orders()).isEqualTo(2);
    }

    @Test
    void concurrent_requests_with_one_expired_key_create_exactly_one_new_order() throws Exception {
        String key = UUID.randomUUID().toString();
        String expired = read(http.post("/v1/orders", order(300), key), "$.id");
        age(key, "25 hours");

        List<MvcTestResult> results = concurrently(8, () -> http.post("/v1/orders", order(300), key));

        assertThat(results).allSatisfy(result -> assertThat(result).hasStatus(HttpStatus.CREATED));
        assertThat(results.stream().map(result -> (String) read(result, "$.id")).distinct()).hasSize(1)
                .doesNotContain(expired);
        assertThat(orders()).isEqualTo(2);
    }

    @Test
    void concurrent_top_ups_with_one_expired_key_add_the_money_once_more() throws Exception {
        String key = UUID.randomUUID().toString();
        String path = "/v1/billing/accounts/" + customer + "/top-ups";
        http.post(path, "{\"amount\":700,\"currency\":\"EUR\"}", key);
        inspector.sql("update billing.idempotency_keys set created_at = created_at - interval '25 hours' where key = ?")
                .param(key).update();

        concurrently(8, () -> http.post(path, "{\"amount\":700,\"currency\":\"EUR\"}", key));

        assertThat(inspector.count("select count(*) from billing.ledger_entries where user_id = ? and kind = 'TOP_UP'", customer))
                .isEqualTo(2);
    }

    private void age(String key, String interval) {
        inspector.sql("update orders.idempotency_keys set created_at = now() - interval '" + interval + "' where key = ?")
                .param(key).update();
    }

    private List<MvcTestResult> concurrently(int copies, Callable<MvcTestResult> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(copies);
        try {
            List<Future<MvcTestResult>> futures = new ArrayList<>();
            for (int i = 0; i < copies; i++) {
                futures.add(pool.submit(request));
            }
            List<MvcTestResult> results = new ArrayList<>();
            for (Future<MvcTestResult> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private String order(long price) {
        return "{\"userId\":\"" + customer + "\",\"currency\":\"EUR\",\"lines\":[{\"sku\":\"PEN\",\"quantity\":1,\"unitPrice\":" + price + "}]}";
    }

    private long orders() {
        return inspector.count("select count(*) from orders.orders where user_id = ?", customer);
    }
}
