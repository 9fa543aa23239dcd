package dev.bulkhead.billing.internal;

import dev.bulkhead.platform.RetainedTable;
import dev.bulkhead.platform.RetentionWindows;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Billing's bookkeeping tables and how long their rows are kept; the platform prunes them (ADR 0033). */
@Configuration(proxyBeanMethods = false)
class BillingRetention {

    /** Inbox marks: kept longer than any redelivery of their event can arrive. */
    @Bean
    RetainedTable billingInboxRetention(RetentionWindows windows) {
        return RetainedTable.of("billing", BillingSchema.NAME + ".applied_events", "applied_at", windows.inbox(),
                BillingInbox.class);
    }

    /** Idempotency keys: kept for their window, after which the same key is a new request anyway. */
    @Bean
    RetainedTable billingIdempotencyKeysRetention(RetentionWindows windows) {
        return RetainedTable.of("billing", BillingSchema.NAME + ".idempotency_keys", "created_at", windows.idempotencyKeys(),
                BillingIdempotencyKeys.class);
    }
}
