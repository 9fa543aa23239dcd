package dev.bulkhead.platform.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.platform.RetainedTable;
import dev.bulkhead.platform.messaging.MessagingProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * While messages without a signed send time are accepted, no received id may be pruned: such a copy has no age that
 * bounds it, so an id pruned then would let a replayed copy be applied again (ADR 0037). The pruning itself honours the
 * table's condition ({@code RetentionTests}); these tests check which condition the declaration carries.
 */
class ReceivedMessagesRetentionTests {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final RetentionProperties RETENTION = new RetentionProperties(Duration.ofMinutes(10), 1000, Duration.ofMillis(50),
            Duration.ofMillis(10), Duration.ofDays(7), Duration.ofDays(14));

    @Test
    void received_ids_are_not_pruned_while_unstamped_messages_are_accepted() {
        RetainedTable table = declared(messaging(NOW.plus(Duration.ofHours(1))));

        assertThat(table.keepCondition()).isEqualTo("false");
    }

    @Test
    void received_ids_are_pruned_once_unstamped_messages_are_refused() {
        assertThat(declared(messaging(null)).keepCondition()).isEqualTo("true");
        assertThat(declared(messaging(NOW.minusSeconds(1))).keepCondition()).isEqualTo("true");
        assertThat(declared(null).keepCondition()).isEqualTo("true");
    }

    private static RetainedTable declared(MessagingProperties messaging) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory(
                messaging == null ? Map.of() : Map.of("messaging", messaging));
        return new RetentionConfiguration().receivedMessagesRetention(RETENTION,
                beans.getBeanProvider(MessagingProperties.class), CLOCK);
    }

    private static MessagingProperties messaging(Instant acceptUnstampedUntil) {
        return new MessagingProperties(true, "bulkhead.events", null, new MessagingProperties.Signing(null, Map.of()),
                Duration.ofDays(7), Duration.ofMinutes(5), acceptUnstampedUntil);
    }
}
