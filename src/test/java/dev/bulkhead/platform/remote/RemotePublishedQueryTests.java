package dev.bulkhead.platform.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulkhead.testing.PartialProcess;
import dev.bulkhead.testing.TestDatabase;
import dev.bulkhead.user.UserApi;
import dev.bulkhead.user.UserId;
import dev.bulkhead.user.UserView;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A process hosting only order, asking a user module in another process over HTTP (ADR 0027). The
 * user module is a real HTTP server that answers as slowly, or as refusingly, as each test needs
 * ({@link StubUserModule}): what is under test is the caller — its connections, timeouts, tokens and
 * what its client is told.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemotePublishedQueryTests {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(3);
    /** More placements at once than the order module has connections (4), each waiting on the user module. */
    private static final int CONCURRENT_PLACEMENTS = 6;

    private final String tokenKey = UUID.randomUUID() + "-" + UUID.randomUUID();
    private StubUserModule users;
    private ConfigurableApplicationContext orders;
    private RestClient http;
    private JsonMapper json;

    @BeforeAll
    void startTheOrderProcessAgainstARemoteUserModule() {
        users = new StubUserModule(id -> json.writeValueAsString(
                new UserView(new UserId(id), id + "@example.com", "Customer " + id, true, Instant.parse("2026-01-01T00:00:00Z"))));
        int port = PartialProcess.freePort();
        orders = PartialProcess.start(TestDatabase.newDatabase("remote_caller"), port, Map.of(
                "bulkhead.modules", "order",
                "bulkhead.database.role-prefix", "remotecaller",
                "bulkhead.remote.user.url", users.url(),
                "bulkhead.remote.user.read-timeout", READ_TIMEOUT.toMillis() + "ms",
                // the six answers arrive at once and their writes queue for 4 connections: on a busy test machine
                // a cold write on this loaded machine can take longer than a request waits for one in production
                "bulkhead.database.budgets.order.request-acquire-timeout", "10s",
                "bulkhead.security.jwt-secret", tokenKey));
        json = orders.getBean(JsonMapper.class);
        http = RestClient.create("http://127.0.0.1:" + port);
    }

    @AfterAll
    void stop() {
        if (orders != null) {
            orders.close();
        }
        if (users != null) {
            users.close();
        }
    }

    @Test
    void theUserApiHereIsTheHttpClient() {
        assertThat(orders.getBean(UserApi.class)).hasToString("remote UserApi");
    }

    @Test
    void noOrderConnectionIsHeldWhileTheUserModuleIsSlowAndEveryPlacementSucceeds() throws Exception {
        List<UUID> customers = new ArrayList<>();
        for (int i = 0; i < CONCURRENT_PLACEMENTS; i++) {
            UUID customer = UUID.randomUUID();
            users.answer(customer, new StubUserModule.Answer(Duration.ofMillis(1_200), 200, Map.of(), null));
            customers.add(customer);
        }
        ExecutorService clients = Executors.newFixedThreadPool(CONCURRENT_PLACEMENTS);
        try {
            List<CompletableFuture<Answer>> placements = customers.stream()
                    .map(customer -> CompletableFuture.supplyAsync(() -> placeOrder(customer), clients)).toList();

            Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10)).until(() ->
                    users.inFlight() == CONCURRENT_PLACEMENTS || placements.stream().anyMatch(CompletableFuture::isDone));
            assertThat(placements).as("placements finished before all were waiting on the user module at once, so some waited for an order connection first: %s", placements.stream()
                    .filter(CompletableFuture::isDone).map(CompletableFuture::join).toList()).noneMatch(CompletableFuture::isDone);
            MeterRegistry meters = orders.getBean(MeterRegistry.class);
            List<Double> hikariActive = new ArrayList<>();
            List<Double> budgetActive = new ArrayList<>();
            while (users.inFlight() == CONCURRENT_PLACEMENTS) { // sample for as long as every call waits on the user module
                hikariActive.add(meters.get("hikaricp.connections.active").tag("pool", "bulkhead-order").gauge().value());
                budgetActive.add(meters.get("bulkhead.db.connections.active").tag("module", "order").gauge().value());
                Thread.sleep(50);
            }

            assertThat(hikariActive).hasSizeGreaterThan(5).containsOnly(0.0);
            assertThat(budgetActive).containsOnly(0.0);
            for (CompletableFuture<Answer> placement : placements) {
                Answer placed = placement.get();
                assertThat(placed.status()).as(placed.body()).isEqualTo(201);
                assertThat(placed.json().get("status").asString()).isEqualTo("PENDING_PAYMENT");
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aUserModuleSlowerThanTheReadTimeoutIsA503ProblemAfterTheTimeout() {
        UUID customer = UUID.randomUUID();
        users.answer(customer, new StubUserModule.Answer(Duration.ofSeconds(20), 200, Map.of(), null));

        long started = System.nanoTime();
        Answer placed = placeOrder(customer);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(placed.status()).isEqualTo(503);
        assertThat(placed.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(placed.json().get("title").asString()).isEqualTo("Module unavailable");
        assertThat(placed.json().get("module").asString()).isEqualTo("user");
        assertThat(took).isBetween(READ_TIMEOUT.minusMillis(100), READ_TIMEOUT.plusSeconds(3));
    }

    @Test
    void eachCallCarriesAServiceTokenOfTheOrderModuleAndRelaysTheCustomersToken() {
        UUID customer = UUID.randomUUID();
        String customersToken = customerToken(customer);

        assertThat(placeOrder(customer, customersToken).status()).isEqualTo(201);

        StubUserModule.Request call = users.requests().stream().filter(request -> customersToken.equals(request.caller()))
                .findFirst().orElseThrow();
        assertThat(call.authorization()).startsWith("Bearer ");
        Jwt service = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(tokenKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256).build().decode(call.authorization().substring("Bearer ".length()));
        assertThat(service.getSubject()).isEqualTo("module:order");
        assertThat(service.getClaimAsString("module")).isEqualTo("order");
        assertThat(service.getClaimAsString("scope")).isEqualTo("internal");
        assertThat(Duration.between(service.getIssuedAt(), service.getExpiresAt())).isEqualTo(Duration.ofSeconds(60));
        assertThat(service.getClaimAsStringList("roles")).isNull();
    }

    @Test
    void theUserModulesRefusalReachesTheClientWithItsStatusAndProblem() {
        UUID customer = UUID.randomUUID();
        users.answer(customer, new StubUserModule.Answer(Duration.ZERO, 403,
                Map.of(PublishedQueryEndpoint.REFUSED_BY, "UserApi.findById"),
                "{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,\"detail\":\"you may only read your own profile\","
                        + "\"instance\":\"/internal/published-queries/UserApi/findById\"}"));

        Answer placed = placeOrder(customer);

        assertThat(placed.status()).isEqualTo(403);
        assertThat(placed.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(placed.json().get("title").asString()).isEqualTo("Forbidden");
        assertThat(placed.json().get("detail").asString()).isEqualTo("you may only read your own profile");
        assertThat(placed.json().get("instance").asString()).isEqualTo("/v1/orders");
    }

    @Test
    void aRefusalOfTheCallItselfOrAFailureOfTheUserModuleIsA503NotTheClientsFault() {
        UUID badServiceToken = UUID.randomUUID();
        users.answer(badServiceToken, new StubUserModule.Answer(Duration.ZERO, 401, Map.of(),
                "{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"a valid bearer token is required\"}"));
        UUID failing = UUID.randomUUID();
        users.answer(failing, new StubUserModule.Answer(Duration.ZERO, 500, Map.of(), "{\"title\":\"Internal Server Error\",\"status\":500}"));

        for (UUID customer : List.of(badServiceToken, failing)) {
            Answer placed = placeOrder(customer);
            assertThat(placed.status()).as(placed.body()).isEqualTo(503);
            assertThat(placed.json().get("title").asString()).isEqualTo("Module unavailable");
        }
    }

    @Test
    void anArgumentTheUserModuleRefusesIsTheIllegalArgumentExceptionTheApiDocuments() {
        UUID user = UUID.randomUUID();
        users.answer(user, new StubUserModule.Answer(Duration.ZERO, 400, Map.of(PublishedQueryEndpoint.REFUSED_BY, "UserApi.findById"),
                "{\"title\":\"Invalid request\",\"status\":400,\"detail\":\"at most 100 ids per call\"}"));

        assertThatThrownBy(() -> orders.getBean(UserApi.class).findById(new UserId(user)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 100 ids per call");
    }

    @Test
    void aRemoteQueryAskedInsideATransactionIsRefusedBeforeAnyConnectionWaitsOnHttp() {
        UUID user = UUID.randomUUID();
        int before = users.requests().size();
        TransactionTemplate transaction = new TransactionTemplate(orders.getBean(PlatformTransactionManager.class));
        transaction.setName("dev.bulkhead.order.internal.CarelessColleague.place"); // an order transaction

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> orders.getBean(UserApi.class).findById(new UserId(user))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("UserApi.findById of module user, which runs in another process, inside a database transaction");
        assertThat(users.requests()).as("nothing was sent").hasSize(before);
    }

    private Answer placeOrder(UUID customer) {
        return placeOrder(customer, customerToken(customer));
    }

    private Answer placeOrder(UUID customer, String token) {
        return http.post().uri("/v1/orders").contentType(MediaType.APPLICATION_JSON).header("Authorization", "Bearer " + token)
                .body(Map.of("userId", customer, "currency", "EUR",
                        "lines", List.of(Map.of("sku", "BOOK-1", "quantity", 1, "unitPrice", 1250))))
                .exchange((request, response) -> new Answer(response.getStatusCode().value(),
                        String.valueOf(response.getHeaders().getContentType()),
                        new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    private String customerToken(UUID customer) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer("bulkhead-test").subject(customer.toString()).issuedAt(now)
                .expiresAt(now.plusSeconds(600)).claim("roles", List.of("CUSTOMER")).build();
        return orders.getBean(JwtEncoder.class).encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }

    private record Answer(int status, String contentType, String body) {

        JsonNode json() {
            return JsonMapper.shared().readTree(body);
        }
    }
}
