package dev.bulkhead.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.testing.HttpClient;
import dev.bulkhead.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
class OperationsEndpointsTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void health_shows_operators_its_components_and_everyone_else_the_bare_status() {
        assertThat(new HttpClient(mvc).asRoles("ops", "OPERATOR").get("/actuator/health")).hasStatusOk().bodyJson()
                .extractingPath("$.components.db.status").isEqualTo("UP");
        for (HttpClient other : List.of(new HttpClient(mvc).anonymous(), new HttpClient(mvc).asCustomer(UUID.randomUUID()),
                new HttpClient(mvc).asRoles("staff", "SUPPORT"))) {
            MvcTestResult health = other.get("/actuator/health");
            assertThat(health).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("UP");
            assertThat(HttpClient.body(health)).doesNotContain("components").doesNotContain("details").doesNotContain("db");
        }
    }

    /**
     * The scrape endpoint answers operators only, and its meters are the modules': HTTP requests (refused ones
     * included, counted for the module they were meant for), connection waits and statements per module, and the
     * event registry's backlog per listening module.
     */
    @Test
    void the_prometheus_endpoint_answers_operators_with_per_module_meters_and_refuses_everyone_else() throws Exception {
        HttpClient http = new HttpClient(mvc);
        UUID customer = http.registerCustomer("Scraped");
        http.topUp(customer, 5_000);
        String order = http.placeOrder(customer, 1_000);
        http.awaitJson("/v1/orders/" + order, "$.status", "PAID");
        assertThat(http.anonymous().post("/v1/orders", "{}")).hasStatus(HttpStatus.UNAUTHORIZED);

        MvcTestResult scrape = mvc.get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, "Bearer " + token("OPERATOR"))
                .exchange();

        assertThat(scrape).hasStatusOk();
        String meters = scrape.getResponse().getContentAsString();
        assertThat(meters).containsPattern("http_server_requests_seconds_count\\{[^}]*method=\"POST\"[^}]*module=\"order\"[^}]*status=\"201\"");
        assertThat(meters).containsPattern("http_server_requests_seconds_count\\{[^}]*module=\"order\"[^}]*status=\"401\"");
        assertThat(meters).containsPattern("bulkhead_db_connections_wait_seconds_count\\{[^}]*module=\"billing\"");
        assertThat(meters).containsPattern("bulkhead_db_statements_total\\{[^}]*module=\"order\"");
        assertThat(meters).containsPattern("bulkhead_db_connections_rejected_total\\{[^}]*module=\"order\"");
        assertThat(meters).containsPattern("bulkhead_module_step_seconds_count\\{[^}]*module=\"billing\"[^}]*step=\"charge\"");
        for (String module : List.of("user", "billing", "order", "history")) {
            assertThat(meters).containsPattern("bulkhead_events_publications_oldest_incomplete_age_seconds\\{module=\"" + module + "\"");
            assertThat(meters).containsPattern("bulkhead_events_publications_parked\\{module=\"" + module + "\"");
        }
        for (String role : List.of("CUSTOMER", "SUPPORT")) {
            assertThat(mvc.get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, "Bearer " + token(role)).exchange())
                    .hasStatus(HttpStatus.FORBIDDEN);
        }
        assertThat(mvc.get().uri("/actuator/prometheus").exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    /**
     * Traces and meters go nowhere until an operator names a collector: no OTLP span exporter and no OTLP meter
     * registry exist, so nothing tries to connect to a collector that is not there, while spans are still made
     * (their ids are in the logs) and meters still scraped.
     */
    @Test
    void without_a_collector_nothing_is_exported_and_nothing_tries_to_connect() {
        assertThat(context.getBeanNamesForType(io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter.class)).isEmpty();
        assertThat(context.getBeanNamesForType(io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter.class)).isEmpty();
        assertThat(context.getBeanNamesForType(io.micrometer.registry.otlp.OtlpMeterRegistry.class)).isEmpty();
        assertThat(context.getBeanNamesForType(io.micrometer.tracing.Tracer.class)).isNotEmpty();
    }

    /** Swagger UI comes with the test classpath, so the local run ({@code ./mvnw spring-boot:test-run}) has it. */
    @Test
    void swagger_ui_answers_on_the_local_run() {
        assertThat(mvc.get().uri("/swagger-ui/index.html").exchange()).hasStatusOk();
        assertThat(mvc.get().uri("/v3/api-docs").exchange()).hasStatusOk().bodyJson().extractingPath("$.paths").isNotNull();
    }

    private String token(String role) {
        MvcTestResult issued = mvc.post().uri("/v1/dev/tokens").contentType(MediaType.APPLICATION_JSON)
                .content("{\"subject\":\"" + UUID.randomUUID() + "\",\"roles\":[\"" + role + "\"]}").exchange();
        return HttpClient.read(issued, "$.token");
    }

    @Test
    void the_modulith_endpoint_describes_every_module_and_its_dependencies() {
        var modules = assertThat(new HttpClient(mvc).asRoles("ops", "OPERATOR").get("/actuator/modulith")).hasStatusOk().bodyJson();
        modules.extractingPath("$.user.displayName").isEqualTo("User");
        modules.extractingPath("$.billing.dependencies[*].target").asArray().contains("user");
        modules.extractingPath("$.order.dependencies[*].target").asArray().contains("user", "billing");
    }
}
