package dev.bulkhead.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.testing.DatabaseInspector;
import dev.bulkhead.testing.IntegrationTest;
import dev.bulkhead.user.UserId;
import dev.bulkhead.user.UserRegistered;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With a connection per module, the event registry's insert must still ride on the module's own
 * connection: an event published in a transaction that rolls back leaves no publication behind,
 * and one that commits leaves exactly its publications.
 */
@IntegrationTest
class OutboxAtomicityTests {

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DatabaseInspector inspector;

    @Test
    void an_event_published_in_a_rolled_back_module_transaction_is_not_recorded() {
        UserRegistered event = registered();

        inUserModule().executeWithoutResult(status -> {
            assertThat(jdbc.queryForObject("select current_user", String.class)).isEqualTo("bulkhead_user_app");
            events.publishEvent(event);
            status.setRollbackOnly();
        });

        assertThat(publicationsOf(event)).isZero();
    }

    @Test
    void an_event_published_in_a_committed_module_transaction_is_recorded_on_the_same_connection() {
        UserRegistered event = registered();

        inUserModule().executeWithoutResult(status -> events.publishEvent(event));

        assertThat(publicationsOf(event)).isEqualTo(2); // billing and the order history listen
    }

    private TransactionTemplate inUserModule() {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setName("dev.bulkhead.user.internal.Registration.register");
        return template;
    }

    private static UserRegistered registered() {
        return new UserRegistered(UUID.randomUUID(), UserId.random(), "atomic@example.com", "Atomic", Instant.now());
    }

    private long publicationsOf(UserRegistered event) {
        return inspector.count("select count(*) from events.event_publication where serialized_event like ?",
                "%" + event.eventId() + "%");
    }
}
