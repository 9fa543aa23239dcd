package dev.bulkhead.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The build documents every setting of the typed configuration records in the jar
 * ({@code META-INF/spring-configuration-metadata.json}, written by Spring Boot's configuration processor from the
 * records): each with a description, from the record's Javadoc, and its default, from the record's
 * {@code @DefaultValue}, the one place it is kept (ADR 0028).
 */
class ConfigurationMetadataTests {

    private static final List<String> RECORDS = List.of("dev.bulkhead.platform.security.SecurityProperties",
            "dev.bulkhead.platform.web.RequestSizeProperties", "dev.bulkhead.platform.events.EventRetryProperties",
            "dev.bulkhead.order.internal.OrderProperties", "dev.bulkhead.billing.internal.BillingProperties",
            "dev.bulkhead.platform.events.DeliveryBacklogProperties", "dev.bulkhead.platform.events.DeliveryCommitProperties",
            "dev.bulkhead.platform.events.DeliveryTracingProperties",
            "dev.bulkhead.platform.reconciliation.ReconciliationProperties", "dev.bulkhead.platform.jobs.JobProperties",
            "dev.bulkhead.dashboard.internal.DashboardProperties", "dev.bulkhead.platform.modules.HostedModulesProperties",
            "dev.bulkhead.platform.retention.RetentionProperties", "dev.bulkhead.platform.retention.IdempotencyProperties",
            "dev.bulkhead.platform.messaging.MessagingProperties", "dev.bulkhead.platform.messaging.MessagingProperties$Signing");

    @Test
    void the_metadata_names_each_setting_with_its_default() throws IOException {
        String metadata = applicationMetadata();

        assertThat(property(metadata, "bulkhead.security.max-request-bytes")).containsEntry("defaultValue", 65536)
                .containsEntry("type", "java.lang.Long");
        assertThat(property(metadata, "bulkhead.security.dev-tokens")).containsEntry("defaultValue", false);
        assertThat(property(metadata, "bulkhead.security.token-lifetime")).containsEntry("defaultValue", "1h");
        assertThat(property(metadata, "bulkhead.events.retry.max-attempts")).containsEntry("defaultValue", 8);
        assertThat(property(metadata, "bulkhead.events.retry.interval")).containsEntry("defaultValue", "5s")
                .containsEntry("type", "java.time.Duration");
        assertThat(property(metadata, "bulkhead.order.payment-timeout")).containsEntry("defaultValue", "15m");
        assertThat(property(metadata, "bulkhead.order.expiry-check-interval")).containsEntry("defaultValue", "10s");
        assertThat(property(metadata, "bulkhead.billing.currency")).containsEntry("defaultValue", "EUR");
        assertThat(property(metadata, "bulkhead.events.max-pending-deliveries")).containsEntry("defaultValue", 2000);
        assertThat(property(metadata, "bulkhead.reconciliation.interval")).containsEntry("defaultValue", "10m");
        assertThat(property(metadata, "bulkhead.jobs.page-size")).containsEntry("defaultValue", 1000);
        assertThat(property(metadata, "bulkhead.jobs.pause-between-pages")).containsEntry("defaultValue", "30ms");
        assertThat(property(metadata, "bulkhead.jobs.minimum-rate")).containsEntry("defaultValue", 25000);
        assertThat(property(metadata, "bulkhead.jobs.progress-log-interval")).containsEntry("defaultValue", "10s");
        assertThat(property(metadata, "bulkhead.jobs.resume-check-interval")).containsEntry("defaultValue", "1m");
        assertThat(property(metadata, "bulkhead.dashboard.part-timeout")).containsEntry("defaultValue", "300ms");
        assertThat(property(metadata, "bulkhead.modules")).containsEntry("type", "java.util.List<java.lang.String>");
        assertThat(property(metadata, "bulkhead.remote.serve-published-queries")).containsEntry("defaultValue", false);
        assertThat(property(metadata, "bulkhead.events.tracing.continue-within")).containsEntry("defaultValue", "1h")
                .containsEntry("type", "java.time.Duration");
        assertThat(property(metadata, "bulkhead.retention.interval")).containsEntry("defaultValue", "10m");
        assertThat(property(metadata, "bulkhead.retention.batch-size")).containsEntry("defaultValue", 1000);
        assertThat(property(metadata, "bulkhead.retention.pause-between-batches")).containsEntry("defaultValue", "10ms");
        assertThat(property(metadata, "bulkhead.retention.inbox")).containsEntry("defaultValue", "7d");
        assertThat(property(metadata, "bulkhead.retention.received-messages")).containsEntry("defaultValue", "14d");
        assertThat(property(metadata, "bulkhead.idempotency.window")).containsEntry("defaultValue", "24h")
                .containsEntry("type", "java.time.Duration");
        assertThat(property(metadata, "bulkhead.messaging.message-ttl")).containsEntry("defaultValue", "7d")
                .containsEntry("type", "java.time.Duration");
        assertThat(property(metadata, "bulkhead.messaging.clock-skew")).containsEntry("defaultValue", "5m");
        assertThat(property(metadata, "bulkhead.messaging.exchange")).containsEntry("defaultValue", "bulkhead.events");
        assertThat(property(metadata, "bulkhead.messaging.accept-unstamped-until")).containsEntry("type", "java.time.Instant")
                .doesNotContainKey("defaultValue");
    }

    @Test
    void every_setting_of_the_records_is_described_and_all_but_the_secrets_and_the_derived_ones_have_a_default() throws IOException {
        List<Map<String, Object>> properties = JsonPath.read(applicationMetadata(), "$.properties");
        List<Map<String, Object>> typed = properties.stream()
                .filter(property -> property.get("sourceType") != null && RECORDS.contains(property.get("sourceType"))).toList();

        assertThat(typed).extracting(property -> property.get("sourceType")).containsAll(RECORDS);
        assertThat(typed).allSatisfy(property -> assertThat((String) property.get("description"))
                .as("description of %s", property.get("name")).isNotBlank());
        assertThat(typed).filteredOn(property -> !property.containsKey("defaultValue")).extracting(property -> property.get("name"))
                // the secrets have none on purpose (and so has the key naming the one that signs); an empty list (all
                // modules) or map is a default the processor does not record; the messaging queue's default is derived
                // from the hosted modules; unstamped messages are refused unless an operator sets an instant
                .as("settings without a default").containsExactlyInAnyOrder("bulkhead.security.jwt-secret", "bulkhead.modules",
                        "bulkhead.messaging.signing.keys", "bulkhead.messaging.signing.active-key", "bulkhead.messaging.queue",
                        "bulkhead.messaging.accept-unstamped-until");
    }

    private static Map<String, Object> property(String metadata, String name) {
        List<Map<String, Object>> matches = JsonPath.read(metadata, "$.properties[?(@.name == '" + name + "')]");
        assertThat(matches).as(name).hasSize(1);
        assertThat((String) matches.get(0).get("description")).as("description of %s", name).isNotBlank();
        return matches.get(0);
    }

    /** The application's own file: the compiled main classes, not one of the dependencies' jars. */
    private static String applicationMetadata() throws IOException {
        List<URL> files = Collections.list(ConfigurationMetadataTests.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json")).stream()
                .filter(url -> url.getProtocol().equals("file")).toList();
        assertThat(files).as("the metadata of the main classes").hasSize(1);
        try (InputStream in = files.get(0).openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
