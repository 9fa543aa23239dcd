package dev.bulkhead.order.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.testing.HttpClient;
import dev.bulkhead.testing.IntegrationTest;
import dev.bulkhead.platform.StatementCount;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Order lists show customer names without one user lookup per row (no N+1 across modules). */
@IntegrationTest
class OrderListingTests {

    @Autowired
    MockMvcTester mvc;

    HttpClient http;

    @BeforeEach
    void setUp() {
        http = new HttpClient(mvc);
    }

    @Test
    void a_page_of_orders_carries_each_customers_name_and_email() {
        UUID ada = http.registerCustomer("Ada Listed");
        String orderId = HttpClient.read(http.post("/v1/orders", order(ada)), "$.id");

        MvcTestResult page = http.get("/v1/orders?userId=" + ada);

        assertThat(page).hasStatusOk().bodyJson().extractingPath("$[0].id").isEqualTo(orderId);
        assertThat(page).bodyJson().extractingPath("$[0].customer.name").isEqualTo("Ada Listed");
        assertThat(page).bodyJson().extractingPath("$[0].customer.email").asString().startsWith("ada.listed-");
    }

    @Test
    void listing_fifty_orders_of_fifty_customers_costs_no_more_statements_than_listing_five() {
        List<UUID> customers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            customers.add(http.registerCustomer("Customer " + i));
        }
        customers.forEach(customer -> http.post("/v1/orders", order(customer)));
        // let the saga settle, so only the listing itself sends statements while we count
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !HttpClient.body(http.get("/v1/orders?size=50"))
                .contains("PENDING_PAYMENT"));

        long five = statementsFor("/v1/orders?size=5");
        long fifty = statementsFor("/v1/orders?size=50");

        assertThat(fifty).as("statements for 50 rows vs %d for 5", five).isEqualTo(five);
        assertThat(five).as("orders, their lines, their timelines, and one batch of customers").isEqualTo(4);
        assertThat(http.get("/v1/orders?size=50")).bodyJson().extractingPath("$[*].customer.name").asArray()
                .hasSize(50).doesNotContainNull();
    }

    /** Statements the request itself sent (MockMvc runs it on this thread); background jobs don't count. */
    private long statementsFor(String path) {
        long before = StatementCount.onThisThread();
        assertThat(http.get(path)).hasStatusOk();
        return StatementCount.onThisThread() - before;
    }

    private static String order(UUID customer) {
        return "{\"userId\":\"" + customer + "\",\"currency\":\"EUR\",\"lines\":[{\"sku\":\"PEN\",\"quantity\":1,\"unitPrice\":100}]}";
    }
}
