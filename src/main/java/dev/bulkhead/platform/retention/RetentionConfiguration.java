package dev.bulkhead.platform.retention;

import dev.bulkhead.platform.RegistrySchema;
import dev.bulkhead.platform.RetainedTable;
import dev.bulkhead.platform.RetentionWindows;
import dev.bulkhead.platform.messaging.MessagingProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The retention windows every module reads, and the broker replay table's retention (the registry schema's). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ RetentionProperties.class, IdempotencyProperties.class })
class RetentionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RetentionConfiguration.class);


    @Bean
    RetentionWindows retentionWindows(RetentionProperties retention, IdempotencyProperties idempotency) {
        return new RetentionWindows(retention.inbox(), idempotency.window(), retention.receivedMessages());
    }

    /**
     * The ids of messages accepted from the broker, kept to refuse a replay (ADR 0019): only a message the broker can
     * still deliver can be replayed, so they are kept longer than its time-to-live (checked at start-up, ADR 0037).
     * While messages without a signed send time are still accepted ({@code bulkhead.messaging.accept-unstamped-until}
     * in the future at start-up), none is pruned: such a copy has no age that bounds it, so a pruned id would let it be
     * applied again. Pruning resumes with the first start after the setting is removed or has passed.
     */
    @Bean
    RetainedTable receivedMessagesRetention(RetentionProperties retention, ObjectProvider<MessagingProperties> messaging,
            Clock clock) {
        RetainedTable table = RetainedTable.of("platform", RegistrySchema.NAME + ".received_messages", "received_at",
                retention.receivedMessages(), RetentionConfiguration.class);
        Optional<Instant> unstampedUntil = Optional.ofNullable(messaging.getIfAvailable())
                .flatMap(MessagingProperties::unstampedAcceptedUntil).filter(clock.instant()::isBefore);
        if (unstampedUntil.isPresent()) {
            log.warn("Received message ids are not pruned: messages without a send time are accepted until {} "
                    + "(bulkhead.messaging.accept-unstamped-until); restart after it to prune again", unstampedUntil.get());
            return table.keepingUnless("false");
        }
        return table;
    }
}
