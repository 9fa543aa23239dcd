package dev.bulkhead.platform.events;

import dev.bulkhead.platform.RegistrySchema;
import dev.bulkhead.platform.RetainedTable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.modulith.events.support.CompletionMode;

/**
 * The registry's bookkeeping, pruned by the retention job in batches (ADR 0033) instead of Spring Modulith's
 * one-statement purge. What there is to prune depends on Spring Modulith's completion mode:
 * <ul>
 * <li>{@code UPDATE} (configured): completed publications stay in {@code event_publication} with their completion
 * date, and are pruned {@code keep-completed} after it; an incomplete publication, whatever its age, never is;</li>
 * <li>{@code DELETE}: Modulith deletes a publication as it completes; there is nothing to prune;</li>
 * <li>{@code ARCHIVE}: refused at start-up: {@code db/events} creates no archive table, and this job would not
 * prune one.</li>
 * </ul>
 * The failure records of settled deliveries are pruned {@code keep-completed} after they were written; those of a
 * publication that has not completed (a parked one) are kept however old.
 */
@Configuration(proxyBeanMethods = false)
class RegistryRetention {

    static final String MODULE = "platform";

    RegistryRetention(Environment environment) {
        if (CompletionMode.from(environment) == CompletionMode.ARCHIVE) {
            throw new IllegalStateException(CompletionMode.PROPERTY + "=ARCHIVE is not supported: db/events creates no "
                    + "archive table and the retention job (ADR 0033) prunes completed publications where they are; "
                    + "use UPDATE (or DELETE)");
        }
    }

    @Bean
    @ConditionalOnProperty(name = CompletionMode.PROPERTY, havingValue = "update", matchIfMissing = true)
    RetainedTable completedPublicationsRetention(EventRetryProperties retry) {
        // an incomplete publication has no completion date, so "completion_date < cutoff" never selects it
        return RetainedTable.of(MODULE, RegistrySchema.NAME + ".event_publication", "completion_date", retry.keepCompleted(),
                RegistryRetention.class);
    }

    @Bean
    RetainedTable publicationFailuresRetention(EventRetryProperties retry) {
        return RetainedTable.of(MODULE, RegistrySchema.NAME + ".publication_failures", "failed_at", retry.keepCompleted(),
                RegistryRetention.class).keepingUnless(PublicationRegistry.SETTLED_FAILURE);
    }
}
