package dev.bulkhead.platform.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.testing.DatabaseInspector;
import dev.bulkhead.testing.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The registry's retention (ADR 0010, ADR 0033): the retention job deletes completed publications older than
 * {@code keep-completed}, and the failure records of deliveries that have settled; a parked publication keeps its
 * record however old. The probes belong to a listener that does not exist, so no job delivers them.
 */
@IntegrationTest
class RegistryRetentionTests {

    private final String listener = "dev.bulkhead.Probe" + UUID.randomUUID().toString().replace("-", "") + ".on(Object)";

    @Autowired
    DatabaseInspector database;

    @Autowired
    RetentionJob retention;

    @AfterEach
    void removeTheProbes() {
        database.sql("delete from events.event_publication where listener_id = ?").param(listener).update();
        database.sql("delete from events.publication_failures where listener_id = ?").param(listener).update();
    }

    @Test
    void completed_publications_and_settled_failures_older_than_the_retention_are_deleted() {
        UUID oldCompleted = publication("now() - interval '8 days'", "'COMPLETED'", "now() - interval '8 days'", 2);
        UUID recentCompleted = publication("now() - interval '8 days'", "'COMPLETED'", "now() - interval '6 days'", 1);
        UUID parked = publication("now() - interval '9 days'", "'FAILED'", "null", 99);

        assertThat(retention.runExclusively()).isTrue();

        assertThat(database.sql("select id from events.event_publication where listener_id = ?").param(listener)
                .query(UUID.class).list()).containsExactlyInAnyOrder(recentCompleted, parked).doesNotContain(oldCompleted);
        assertThat(database.sql("select event_id from events.publication_failures where listener_id = ?").param(listener)
                .query(UUID.class).list()).as("the parked publication keeps its failure; the completed ones' failures have settled")
                .containsExactly(eventIdOf(parked));
    }

    /** A publication of this test's listener with one failure record as old as its publication. */
    private UUID publication(String published, String status, String completed, int attempts) {
        UUID id = UUID.randomUUID();
        database.sql("""
                insert into events.event_publication (id, listener_id, event_type, serialized_event, publication_date,
                    completion_date, status, completion_attempts, last_resubmission_date)
                values (?, ?, 'dev.bulkhead.ProbeEvent', ?, %s, %s, %s, ?, %s)""".formatted(published, completed, status, published))
                .param(id).param(listener).param("{\"eventId\":\"" + eventIdOf(id) + "\"}").param(attempts).update();
        database.sql("insert into events.publication_failures (event_id, listener_id, failed_at, error) values (?, ?, %s, 'probe')"
                .formatted(published)).param(eventIdOf(id)).param(listener).update();
        return id;
    }

    private static UUID eventIdOf(UUID publication) {
        return UUID.nameUUIDFromBytes(publication.toString().getBytes());
    }
}
