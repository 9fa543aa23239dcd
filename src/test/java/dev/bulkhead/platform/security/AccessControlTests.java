package dev.bulkhead.platform.security;

import static dev.bulkhead.testing.HttpClient.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.testing.HttpClient;
import dev.bulkhead.testing.IntegrationTest;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * For every endpoint: no token gets 401, another customer gets 403 (or 404 for an order, whose
 * existence is not revealed), the owner succeeds; support staff read everything and change
 * nothing; only operators use the admin and actuator endpoints beyond health.
 */
@IntegrationTest
class AccessControlTests {

    @Autowired
    MockMvcTester mvc;

    HttpClient http;
    UUID alice;
    UUID bob;
    String aliceOrder;

    @BeforeEach
    void setUp() {
        http = new HttpClient(mvc);
        alice = http.registerCustomer("Alice Access");
        bob = http.registerCustomer("Bob Access");
        http.topUp(alice, 1_000);
        aliceOrder = read(http.post("/v1/orders", order(alice)), "$.id");
        http.awaitJson("/v1/orders/" + aliceOrder, "$.status", "PAID");
    }

    /** A request against Alice's data, made by whichever caller the test picks. */
    private List<Request> alicesEndpoints() {
        return List.of(
                new Request("GET /v1/users/{alice}", c -> c.get("/v1/users/" + alice), HttpStatus.OK, HttpStatus.FORBIDDEN),
                new Request("GET /v1/users?ids={alice}", c -> c.get("/v1/users?ids=" + alice), HttpStatus.OK, HttpStatus.FORBIDDEN),
                new Request("PATCH /v1/users/{alice}", c -> c.patch("/v1/users/" + alice, "{\"name\":\"Alice A.\"}"), HttpStatus.OK, HttpStatus.FORBIDDEN),
                new Request("POST top-up", c -> c.post("/v1/billing/accounts/" + alice + "/top-ups", "{\"amount\":100,\"currency\":\"EUR\"}"), HttpStatus.CREATED, HttpStatus.FORBIDDEN),
                new Request("GET summary", c -> c.get("/v1/billing/summary/" + alice), HttpStatus.OK, HttpStatus.FORBIDDEN),
                new Request("POST /v1/orders", c -> c.post("/v1/orders", order(alice)), HttpStatus.CREATED, HttpStatus.FORBIDDEN),
                new Request("GET /v1/orders/{id}", c -> c.get("/v1/orders/" + aliceOrder), HttpStatus.OK, HttpStatus.NOT_FOUND),
                new Request("GET /v1/orders?userId", c -> c.get("/v1/orders?userId=" + alice), HttpStatus.OK, HttpStatus.FORBIDDEN),
                new Request("GET dashboard", c -> c.get("/v1/dashboard/" + alice), HttpStatus.OK, HttpStatus.FORBIDDEN));
    }

    record Request(String name, Function<HttpClient, MvcTestResult> send, HttpStatus forOwner, HttpStatus forOthers) {
    }

    @Test
    void without_a_token_every_endpoint_but_registration_and_health_answers_401() {
        HttpClient nobody = http.anonymous();
        for (Request request : alicesEndpoints()) {
            assertThat(request.send().apply(nobody)).as(request.name()).hasStatus(HttpStatus.UNAUTHORIZED)
                    .headers().containsHeader("WWW-Authenticate");
        }
        for (String path : List.of("/v1/orders", "/v1/support/order-history", "/v1/admin/events", "/actuator/metrics",
                "/v1/dashboard/" + alice)) {
            assertThat(nobody.get(path)).as(path).hasStatus(HttpStatus.UNAUTHORIZED);
        }
        assertThat(nobody.post("/v1/orders/" + aliceOrder + "/cancel", "")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(nobody.get("/v1/users/" + alice)).bodyJson().extractingPath("$.title").isEqualTo("Unauthorized");
        assertThat(nobody.get("/actuator/health")).hasStatusOk();
        assertThat(nobody.post("/v1/users", "{\"email\":\"anon-" + UUID.randomUUID() + "@example.com\",\"name\":\"Anon\"}"))
                .hasStatus(HttpStatus.CREATED);
    }

    @Test
    void a_forged_or_expired_looking_token_is_refused() {
        assertThat(http.as("not.a.jwt").get("/v1/users/" + alice)).hasStatus(HttpStatus.UNAUTHORIZED);
        String alices = tokenOf(http.asCustomer(alice));
        String tampered = alices.substring(0, alices.lastIndexOf('.') + 1) + "AAAA" + alices.substring(alices.lastIndexOf('.') + 5);
        assertThat(http.as(tampered).get("/v1/users/" + alice)).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void another_customer_is_refused_everywhere_and_the_owner_succeeds() {
        HttpClient asBob = http.asCustomer(bob);
        HttpClient asAlice = http.asCustomer(alice);
        for (Request request : alicesEndpoints()) {
            assertThat(request.send().apply(asBob)).as("Bob: " + request.name()).hasStatus(request.forOthers());
        }
        assertThat(asBob.post("/v1/orders/" + aliceOrder + "/cancel", "")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(asBob.post("/v1/users/" + alice + "/deactivate", "")).hasStatus(HttpStatus.FORBIDDEN);
        for (Request request : alicesEndpoints()) {
            assertThat(request.send().apply(asAlice)).as("Alice: " + request.name()).hasStatus(request.forOwner());
        }
        assertThat(asAlice.post("/v1/orders/" + aliceOrder + "/cancel", "")).hasStatusOk();
    }

    @Test
    void support_staff_read_everything_but_change_nothing_and_only_operators_administer() {
        HttpClient support = http.asRoles("support-1", "SUPPORT");
        HttpClient operator = http.asRoles("operator-1", "OPERATOR");
        HttpClient customer = http.asCustomer(alice);

        assertThat(support.get("/v1/users/" + alice)).hasStatusOk();
        assertThat(support.get("/v1/billing/summary/" + alice)).hasStatusOk();
        assertThat(support.get("/v1/orders")).hasStatusOk();
        assertThat(support.get("/v1/dashboard/" + alice)).hasStatusOk();
        assertThat(support.get("/v1/support/order-history?customer=" + alice)).hasStatusOk();
        assertThat(support.post("/v1/orders", order(alice))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(support.post("/v1/billing/accounts/" + alice + "/top-ups", "{\"amount\":100,\"currency\":\"EUR\"}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(support.get("/v1/admin/events")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(support.get("/actuator/metrics")).hasStatus(HttpStatus.FORBIDDEN);

        assertThat(operator.get("/v1/admin/events")).hasStatusOk();
        assertThat(operator.get("/actuator/metrics")).hasStatusOk();
        assertThat(operator.get("/actuator/modulith")).hasStatusOk();

        assertThat(customer.get("/v1/admin/events")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(customer.post("/v1/admin/reconciliations", "")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(customer.get("/v1/support/order-history")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(customer.get("/v1/orders")).as("every customer's orders").hasStatus(HttpStatus.FORBIDDEN);
        assertThat(customer.get("/actuator/modulith")).hasStatus(HttpStatus.FORBIDDEN);
    }

    private static String order(UUID user) {
        return "{\"userId\":\"" + user + "\",\"currency\":\"EUR\",\"lines\":[{\"sku\":\"PEN\",\"quantity\":1,\"unitPrice\":100}]}";
    }

    private String tokenOf(HttpClient client) {
        MvcTestResult issued = http.anonymous().post("/v1/dev/tokens", "{\"subject\":\"" + alice + "\",\"roles\":[\"CUSTOMER\"]}");
        return read(issued, "$.token");
    }
}
