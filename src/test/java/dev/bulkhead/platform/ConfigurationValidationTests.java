package dev.bulkhead.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

/**
 * A setting out of range stops the start-up with Spring Boot's report naming the property and why,
 * not later with a stack trace or never. Only the configuration records are started (all of Bulkhead's, as the
 * application registers them): they are bound and validated before anything else that reads them is made.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConfigurationValidationTests {

    @Configuration(proxyBeanMethods = false)
    @ConfigurationPropertiesScan("dev.bulkhead")
    static class Records {

        /** The application's clock, which the retention's declarations read. */
        @org.springframework.context.annotation.Bean
        java.time.Clock clock() {
            return java.time.Clock.systemUTC();
        }
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            bulkhead.security.max-request-bytes   | 0     | must be greater than or equal to 1
            bulkhead.security.token-lifetime      | 0s    | must be longer than or equal to 1 second
            bulkhead.events.retry.interval        | -5s   | must be longer than or equal to 1 milli
            bulkhead.events.retry.max-attempts    | 0     | must be greater than or equal to 1
            bulkhead.events.retry.batch-size      | -1    | must be greater than or equal to 1
            bulkhead.order.payment-timeout        | 0s    | must be longer than or equal to 1 milli
            bulkhead.order.expiry-check-interval  | 0ms   | must be longer than or equal to 1 milli
            bulkhead.order.expiry-batch-size      | 0     | must be greater than or equal to 1
            bulkhead.billing.currency             | euro  | must be an ISO 4217 code such as EUR
            bulkhead.events.max-pending-deliveries | 0    | must be greater than or equal to 1
            bulkhead.reconciliation.interval      | 0s    | must be longer than or equal to 1 second
            bulkhead.dashboard.recent-orders      | 0     | must be greater than or equal to 1
            bulkhead.events.tracing.continue-within | -1s | must be longer than or equal to 0
            bulkhead.retention.interval           | 0s    | must be longer than or equal to 1 second
            bulkhead.retention.batch-size         | 0     | must be greater than or equal to 1
            bulkhead.retention.pause-between-batches | -1s | must be longer than or equal to 0
            bulkhead.retention.inbox              | 0s    | must be longer than or equal to 1 minute
            bulkhead.retention.received-messages  | 0s    | must be longer than or equal to 1 minute
            bulkhead.idempotency.window           | 0s    | must be longer than or equal to 1 minute
            bulkhead.jobs.page-size               | 0     | must be greater than or equal to 1
            bulkhead.jobs.page-size               | 1001  | must be less than or equal to 1000
            bulkhead.jobs.pause-between-pages     | -1s   | must be longer than or equal to 0
            bulkhead.jobs.minimum-rate            | -1    | must be greater than or equal to 0
            bulkhead.jobs.progress-log-interval   | 0s    | must be longer than or equal to 1 second
            bulkhead.jobs.resume-check-interval   | 0s    | must be longer than or equal to 1 second
            bulkhead.messaging.message-ttl        | 0s    | must be longer than or equal to 1 second
            bulkhead.messaging.message-ttl        | 25d   | must be shorter than or equal to 24 days
            bulkhead.messaging.clock-skew         | -1s   | must be longer than or equal to 0
            bulkhead.messaging.clock-skew         | 2h    | must be shorter than or equal to 1 hour
            bulkhead.messaging.exchange           | ' '   | must not be blank
            """)
    void an_invalid_value_stops_the_start_up_naming_the_property(String property, String value, String reason,
            CapturedOutput output) {
        SpringApplication records = new SpringApplication(Records.class);
        records.setWebApplicationType(WebApplicationType.NONE);

        assertThatThrownBy(() -> records.run("--spring.main.banner-mode=off", "--" + property + "=" + value).close())
                .isInstanceOf(RuntimeException.class);

        // Spring Boot's report names a record's property by its field ("bulkhead.security.maxRequestBytes") and its
        // value as bound ("PT0S"), and the setting as it was given on the origin line: the command line here, an
        // environment variable (BULKHEAD_SECURITY_MAX_REQUEST_BYTES) in production
        assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START")
                .contains("Origin: \"" + property + "\" from property source").contains("Reason: " + reason);
    }

    @Test
    void a_dashboard_part_allowed_longer_than_the_whole_answer_stops_the_start_up(CapturedOutput output) {
        SpringApplication records = new SpringApplication(Records.class);
        records.setWebApplicationType(WebApplicationType.NONE);

        assertThatThrownBy(() -> records.run("--spring.main.banner-mode=off", "--bulkhead.dashboard.part-timeout=900ms",
                "--bulkhead.dashboard.deadline=500ms").close()).isInstanceOf(RuntimeException.class);

        assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START")
                .contains("bulkhead.dashboard.part-timeout must not exceed bulkhead.dashboard.deadline");
    }

    /**
     * Inbox marks pruned while the retry job may still redeliver their event would let it be applied twice: with the
     * default retry settings a redelivery can come up to about 13.5 minutes after the publication, so an inbox kept
     * for less than twice that stops the start-up naming the property; an hour starts (ADR 0033).
     */
    @ParameterizedTest(name = "inbox {0}")
    @CsvSource({ "20m, true", "1h, false", "1m, true" })
    void an_inbox_kept_shorter_than_redeliveries_can_arrive_stops_the_start_up(String inbox, boolean refused,
            CapturedOutput output) {
        SpringApplication records = new SpringApplication(Records.class);
        records.setWebApplicationType(WebApplicationType.NONE);
        // the check and the windows it reads, by name: both are package-private in their packages
        records.setSources(java.util.Set.of("dev.bulkhead.platform.retention.RetentionConfiguration",
                "dev.bulkhead.platform.events.InboxRetentionCheck"));

        if (refused) {
            assertThatThrownBy(() -> records.run("--spring.main.banner-mode=off", "--bulkhead.retention.inbox=" + inbox).close())
                    .isInstanceOf(RuntimeException.class);
            assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START")
                    .contains("bulkhead.retention.inbox").contains("redelivery");
        } else {
            records.run("--spring.main.banner-mode=off", "--bulkhead.retention.inbox=" + inbox).close();
            assertThat(output.getOut() + output.getErr()).doesNotContain("APPLICATION FAILED TO START");
        }
    }

    /**
     * The replay guard forgetting an event id while a copy of its message can still be accepted would let that copy be
     * applied twice: with messaging on, received ids kept no longer than the message TTL plus the clock skew stop the
     * start-up naming the property (ADR 0037); without messaging nothing reads them and nothing is checked.
     */
    @ParameterizedTest(name = "received ids {0}, ttl {1}, messaging {2}")
    @CsvSource({ "7d, 7d, true, true", "7d, 6d, true, false", "14d, 14d, true, true", "14d, 7d, true, false",
            "1d, 7d, false, false" })
    void a_replay_guard_kept_no_longer_than_messages_live_stops_the_start_up(String kept, String ttl, boolean messaging,
            boolean refused, CapturedOutput output) {
        SpringApplication records = new SpringApplication(Records.class);
        records.setWebApplicationType(WebApplicationType.NONE);
        records.setSources(java.util.Set.of("dev.bulkhead.platform.retention.RetentionConfiguration",
                "dev.bulkhead.platform.messaging.ReplayGuardRetentionCheck"));
        String[] arguments = { "--spring.main.banner-mode=off", "--bulkhead.retention.received-messages=" + kept,
                "--bulkhead.messaging.message-ttl=" + ttl, "--bulkhead.messaging.enabled=" + messaging };

        if (refused) {
            assertThatThrownBy(() -> records.run(arguments).close()).isInstanceOf(RuntimeException.class);
            assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START")
                    .contains("bulkhead.retention.received-messages").contains("applied a second time");
        } else {
            records.run(arguments).close();
            assertThat(output.getOut() + output.getErr()).doesNotContain("APPLICATION FAILED TO START");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "bulkhead.security.max-request-bytes=1", "bulkhead.events.retry.interval=1ms", "bulkhead.billing.currency=CHF",
            "bulkhead.events.tracing.continue-within=0s", "bulkhead.messaging.message-ttl=1s",
            "bulkhead.messaging.message-ttl=24d", "bulkhead.messaging.clock-skew=0s",
            "bulkhead.messaging.accept-unstamped-until=2026-12-02T12:00:00Z" })
    void the_smallest_valid_values_start(String setting, CapturedOutput output) {
        SpringApplication records = new SpringApplication(Records.class);
        records.setWebApplicationType(WebApplicationType.NONE);

        records.run("--spring.main.banner-mode=off", "--" + setting).close();

        assertThat(output.getOut() + output.getErr()).doesNotContain("APPLICATION FAILED TO START");
    }
}
