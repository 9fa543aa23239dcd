package dev.bulkhead.history.internal;

import dev.bulkhead.platform.RetainedTable;
import dev.bulkhead.platform.RetentionWindows;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The history's inbox and how long its marks are kept; the platform prunes them (ADR 0033). The marks are also the
 * projection's checkpoint: a trigger adds what pruning deletes to {@code projection_state} (db/history/V3), so the
 * checkpoint reads the same before and after.
 */
@Configuration(proxyBeanMethods = false)
class HistoryRetention {

    @Bean
    RetainedTable historyInboxRetention(RetentionWindows windows) {
        return RetainedTable.of("history", HistorySchema.NAME + ".applied_events", "applied_at", windows.inbox(),
                OrderHistoryStore.class);
    }
}
