package dev.bulkhead.order.internal;

import dev.bulkhead.platform.RetainedTable;
import dev.bulkhead.platform.RetentionWindows;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The order module's bookkeeping tables and how long their rows are kept; the platform prunes them (ADR 0033). */
@Configuration(proxyBeanMethods = false)
class OrderRetention {

    /** Inbox marks: kept longer than any redelivery of their event can arrive. */
    @Bean
    RetainedTable orderInboxRetention(RetentionWindows windows) {
        return RetainedTable.of("order", OrderSchema.NAME + ".applied_events", "applied_at", windows.inbox(), OrderInbox.class);
    }

    /** Idempotency keys: kept for their window, after which the same key is a new request anyway. */
    @Bean
    RetainedTable orderIdempotencyKeysRetention(RetentionWindows windows) {
        return RetainedTable.of("order", OrderSchema.NAME + ".idempotency_keys", "created_at", windows.idempotencyKeys(),
                OrderIdempotencyKeys.class);
    }
}
