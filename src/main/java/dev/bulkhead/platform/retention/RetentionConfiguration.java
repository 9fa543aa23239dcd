package dev.bulkhead.platform.retention;

import dev.bulkhead.platform.RegistrySchema;
import dev.bulkhead.platform.RetainedTable;
import dev.bulkhead.platform.RetentionWindows;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The retention windows every module reads, and the broker replay table's retention (the registry schema's). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ RetentionProperties.class, IdempotencyProperties.class })
class RetentionConfiguration {

    @Bean
    RetentionWindows retentionWindows(RetentionProperties retention, IdempotencyProperties idempotency) {
        return new RetentionWindows(retention.inbox(), idempotency.window());
    }

    /**
     * The ids of messages accepted from the broker, kept to refuse a replay (ADR 0019): only a message the broker can
     * still deliver can be replayed, so they are kept longer than its time-to-live.
     */
    @Bean
    RetainedTable receivedMessagesRetention(RetentionProperties retention) {
        return RetainedTable.of("platform", RegistrySchema.NAME + ".received_messages", "received_at",
                retention.receivedMessages(), RetentionConfiguration.class);
    }
}
