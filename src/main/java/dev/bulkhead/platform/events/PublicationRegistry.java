package dev.bulkhead.platform.events;

import dev.bulkhead.platform.RegistrySchema;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The platform's SQL on Spring Modulith's event publication table, and on its own failure log, both in the
 * {@code events} schema the platform owns; never a module's schema. Everything Modulith offers through its API
 * goes through its API (resubmission, the purge of completed publications: {@link EventRetryJob}); what is
 * left here is what Modulith 2.1 lacks (ADR 0010): failing abandoned deliveries with a guard against a racing
 * completion and a recorded reason, failing one publication for an operator's resubmission, the operator's view
 * with paging, lookup by id and last error, and the failure log itself.
 *
 * <p>Every column of Modulith's table that this SQL names is declared in {@link #MODULITH_COLUMNS};
 * {@code RegistryColumnsTests} fails the build when Modulith's schema or the migrated table no longer has one
 * of them, and when a statement here names a column of Modulith's table that is not declared.
 */
@Component
class PublicationRegistry {

    /**
     * The columns of Modulith's {@code event_publication} that the platform's own SQL relies on (here and in the
     * registry's row policies, {@code platform.database.RegistryRowAccess}); Modulith's schema may change any
     * other without breaking Bulkhead.
     */
    static final Set<String> MODULITH_COLUMNS = Set.of("id", "listener_id", "event_type", "serialized_event",
            "publication_date", "completion_date", "status", "completion_attempts", "last_resubmission_date");

    private static final String PUBLICATIONS = RegistrySchema.NAME + ".event_publication";
    private static final String FAILURES = RegistrySchema.NAME + ".publication_failures";
    private static final int MAX_ERROR_LENGTH = 2_000;

    private final JdbcClient jdbc;

    PublicationRegistry(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /**
     * Fails unfinished deliveries whose last sign of life is older than {@code cutoff}: the instance
     * that was delivering them stopped or crashed. Each gets a failure record saying so. One statement,
     * guarded by {@code completion_date is null}, so a delivery completing at this moment stays completed.
     * Modulith's staleness monitor ({@code spring.modulith.events.staleness.*}, off here) is not used: in 2.1.1
     * it runs on every instance, dates a resubmitted delivery from its first publication (spring-modulith#1836),
     * reads every in-flight row into memory, records no reason, and fails rows by id without that guard.
     *
     * @return how many were failed
     */
    int failAbandoned(Instant cutoff, Instant now, String reason) {
        return jdbc.sql("""
                with abandoned as (
                    update %s set status = 'FAILED'
                    where completion_date is null
                      and (status is null or status in ('PUBLISHED', 'PROCESSING', 'RESUBMITTED'))
                      and coalesce(last_resubmission_date, publication_date) < :cutoff
                    returning listener_id, serialized_event)
                insert into %s (event_id, listener_id, failed_at, error)
                select cast(serialized_event::jsonb ->> 'eventId' as uuid), listener_id, :now, :reason from abandoned
                """.formatted(PUBLICATIONS, FAILURES))
                .param("cutoff", Timestamp.from(cutoff)).param("now", Timestamp.from(now)).param("reason", reason)
                .update();
    }

    /**
     * Makes an unfinished publication failed, so that an operator can resubmit it whatever state it was left in
     * (Modulith resubmits only failed publications, and its claim refuses one left RESUBMITTED by a crash).
     */
    boolean markFailedIfIncomplete(UUID id) {
        return jdbc.sql("update %s set status = 'FAILED' where id = :id and completion_date is null".formatted(PUBLICATIONS))
                .param("id", id).update() == 1;
    }

    /** Whether the publication exists, finished or not. */
    boolean exists(UUID id) {
        return jdbc.sql("select exists (select 1 from %s where id = :id)".formatted(PUBLICATIONS)).param("id", id)
                .query(Boolean.class).single();
    }

    /**
     * Fails the unfinished publication of {@code serializedEvent} to {@code listenerId}: one whose listener's
     * transaction failed at its commit after marking it completed (ADR 0021), so that Modulith, which forgot the
     * delivery with that mark, has nothing left to fail (ADR 0035). Found as Modulith finds a publication by its
     * event, through the hash index on the serialized event.
     */
    boolean markFailedIfIncomplete(String serializedEvent, String listenerId) {
        return jdbc.sql("update %s set status = 'FAILED' where serialized_event = :event and listener_id = :listener and completion_date is null"
                        .formatted(PUBLICATIONS))
                .param("event", serializedEvent).param("listener", listenerId).update() > 0;
    }

    void recordFailure(UUID eventId, String listenerId, Instant at, String error) {
        jdbc.sql("insert into %s (event_id, listener_id, failed_at, error) values (:eventId, :listenerId, :at, :error)"
                        .formatted(FAILURES))
                .param("eventId", eventId).param("listenerId", listenerId).param("at", Timestamp.from(at))
                .param("error", error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error)
                .update();
    }

    /** Unfinished publications, oldest first, each with its last recorded error. */
    List<Row> incomplete(int limit) {
        return jdbc.sql(SELECT_ROWS + " where p.completion_date is null order by p.publication_date limit :limit")
                .param("limit", limit).query(PublicationRegistry::row).list();
    }

    Optional<Row> find(UUID id) {
        return jdbc.sql(SELECT_ROWS + " where p.id = :id").param("id", id).query(PublicationRegistry::row).optional();
    }

    /**
     * The condition under which a failure record (alias {@code t}) may be pruned: its delivery has settled, no
     * unfinished publication of its listener carries its event. A parked publication keeps its records however old.
     */
    static final String SETTLED_FAILURE = """
            not exists (select 1 from %s p where p.completion_date is null and p.listener_id = t.listener_id
                          and p.serialized_event::jsonb ->> 'eventId' = cast(t.event_id as text))""".formatted(PUBLICATIONS);


    /**
     * The unfinished publications per listener: how many, since when the oldest waits, how many are parked (failed
     * {@code maxAttempts} times or more), for the registry's meters. Reads the unfinished rows only (an index on
     * {@code completion_date} finds them), however many completed ones the table keeps.
     */
    List<Backlog> backlogByListener(int maxAttempts) {
        return jdbc.sql("""
                select listener_id, min(publication_date) as oldest, count(*) as incomplete,
                       count(*) filter (where status = 'FAILED' and coalesce(completion_attempts, 1) >= :maxAttempts) as parked
                from %s where completion_date is null group by listener_id
                """.formatted(PUBLICATIONS)).param("maxAttempts", maxAttempts)
                .query((rs, rowNum) -> new Backlog(rs.getString("listener_id"), instant(rs, "oldest"), rs.getInt("incomplete"),
                        rs.getInt("parked")))
                .list();
    }

    /** One listener's unfinished publications. */
    record Backlog(String listenerId, Instant oldest, int incomplete, int parked) {
    }

    private static final String SELECT_ROWS = """
            select p.id, p.event_type, p.listener_id, p.publication_date, p.completion_date, p.status,
                   coalesce(p.completion_attempts, 1) as completion_attempts, p.last_resubmission_date,
                   p.serialized_event::jsonb ->> 'eventId' as event_id,
                   f.error, f.failed_at, coalesce(f.failures, 0) as failures
            from %s p
            left join lateral (
                select last.error, last.failed_at, count(*) over () as failures
                from %s last
                where last.event_id = cast(p.serialized_event::jsonb ->> 'eventId' as uuid) and last.listener_id = p.listener_id
                order by last.failed_at desc limit 1) f on true
            """.formatted(PUBLICATIONS, FAILURES);

    private static Row row(ResultSet rs, int rowNum) throws SQLException {
        String eventId = rs.getString("event_id");
        return new Row(rs.getObject("id", UUID.class), rs.getString("event_type"), rs.getString("listener_id"),
                eventId == null ? null : UUID.fromString(eventId), instant(rs, "publication_date"),
                instant(rs, "completion_date"), rs.getString("status"), rs.getInt("completion_attempts"),
                instant(rs, "last_resubmission_date"), rs.getString("error"), instant(rs, "failed_at"),
                rs.getInt("failures"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** One publication: an event for one listener, with its delivery history. */
    record Row(UUID id, String eventType, String listenerId, UUID eventId, Instant publishedAt, Instant completedAt,
            String status, int completionAttempts, Instant lastResubmittedAt, String lastError, Instant lastFailedAt,
            int failures) {
    }
}
