package dev.bulkhead.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.testing.DatabaseInspector;
import dev.bulkhead.testing.IntegrationTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A transaction whose commit answer was lost (ADR 0035) may still commit after the application gave up on it: over a
 * stalled link, the COMMIT it sent reaches PostgreSQL when the link moves again, possibly after the retry job looked
 * for its publications and found none. {@code DatabaseOutageTests} once left such a publication unfinished, waiting
 * for the sweep of abandoned deliveries. Here the late commit is held open on a connection of its own, on real
 * PostgreSQL, while the retry job's step looks.
 */
@IntegrationTest
class CommitLandingLateTests {

    private static final Duration STALE_AFTER = Duration.ofMinutes(1);

    private final String listener = "dev.bulkhead.Probe" + UUID.randomUUID().toString().replace("-", "") + ".on(Object)";

    @Autowired
    DatabaseInspector database;

    @Autowired
    PublicationRegistry publications;

    @AfterEach
    void removeTheProbes() {
        database.sql("delete from events.event_publication where listener_id = ?").param(listener).update();
    }

    @Test
    void a_publication_committed_after_the_first_look_is_failed_once_it_shows_up() throws SQLException {
        UnrecordedOutcomes outcomes = new UnrecordedOutcomes();
        UUID publication = UUID.randomUUID();
        try (Connection late = database.dataSource().getConnection()) {
            late.setAutoCommit(false);
            insertPublished(late, publication);
            outcomes.commitUnknown(publication);

            assertThat(outcomes.recordAll(null, publications, null, Instant.now(), STALE_AFTER)).isZero();
            assertThat(outcomes.size()).as("kept: the transaction that publishes it has not ended").isOne();

            late.commit();
        }
        assertThat(outcomes.recordAll(null, publications, null, Instant.now(), STALE_AFTER)).isOne();
        assertThat(outcomes.size()).isZero();
        assertThat(statusOf(publication)).as("failed, so that the retry job delivers it").isEqualTo("FAILED");
    }

    @Test
    void a_publication_that_never_shows_up_is_asked_for_until_stale_after_and_then_dropped() {
        UnrecordedOutcomes outcomes = new UnrecordedOutcomes();
        UUID rolledBack = UUID.randomUUID();
        outcomes.commitUnknown(rolledBack);

        assertThat(outcomes.recordAll(null, publications, null, Instant.now(), STALE_AFTER)).isZero();
        assertThat(outcomes.size()).isOne();
        assertThat(outcomes.recordAll(null, publications, null, Instant.now().plus(STALE_AFTER).plusSeconds(1), STALE_AFTER))
                .isZero();
        assertThat(outcomes.size()).as("its transaction rolled back").isZero();
    }

    @Test
    void a_publication_found_completed_is_settled_and_left_completed() throws SQLException {
        UnrecordedOutcomes outcomes = new UnrecordedOutcomes();
        UUID publication = UUID.randomUUID();
        try (Connection committed = database.dataSource().getConnection()) {
            insertPublished(committed, publication);
        }
        database.sql("update events.event_publication set status = 'COMPLETED', completion_date = now() where id = ?")
                .param(publication).update();
        outcomes.commitUnknown(publication);

        assertThat(outcomes.recordAll(null, publications, null, Instant.now(), STALE_AFTER)).isOne();
        assertThat(outcomes.size()).isZero();
        assertThat(statusOf(publication)).isEqualTo("COMPLETED");
    }

    private void insertPublished(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into events.event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
                    completion_attempts)
                values (?, ?, 'dev.bulkhead.ProbeEvent', ?, now(), 'PUBLISHED', 1)""")) {
            insert.setObject(1, id);
            insert.setString(2, listener);
            insert.setString(3, "{\"eventId\":\"" + UUID.randomUUID() + "\"}");
            insert.executeUpdate();
        }
    }

    private String statusOf(UUID publication) {
        return database.sql("select status from events.event_publication where id = ?").param(publication).query(String.class)
                .single();
    }
}
