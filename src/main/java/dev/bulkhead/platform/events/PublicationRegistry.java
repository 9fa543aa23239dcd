package dev.bulkhead.platform.events;

import dev.bulkhead.platform.RegistrySchema;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * SQL on Spring Modulith's event publication table and the platform's failure log, both in the
 * {@code events} schema the platform owns; never a module's schema. Modulith's own repository has no
 * query for "due for a retry" or "abandoned", and its status updates are not guarded against a
 * completion racing them, hence these few statements.
 */
@Component
class PublicationRegistry {

    private static final String PUBLICATIONS = RegistrySchema.NAME + ".event_publication";
    private static final String FAILURES = RegistrySchema.NAME + ".publication_failures";
    private static final int MAX_ERROR_LENGTH = 2_000;

    private final JdbcClient jdbc;

    PublicationRegistry(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /**
     * Fails unfinished deliveries whose last sign of life is older than {@code cutoff}: the instance
     * that was delivering them stopped or crashed. Each gets a failure record saying so.
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
     * Failed publications whose back-off has elapsed and which are not parked, oldest first. After
     * {@code n} deliveries ({@code completion_attempts}) the back-off is
     * {@code min(maxBackoff, initialBackoff × 2ⁿ⁻¹)}, counted from the last resubmission (or the publication).
     */
    List<UUID> dueForRetry(Instant now, EventRetryProperties retry) {
        return jdbc.sql("""
                select id from %s
                where completion_date is null and status = 'FAILED'
                  and coalesce(completion_attempts, 1) < :maxAttempts
                  and coalesce(last_resubmission_date, publication_date)
                      + least(:maxBackoffMs, :initialBackoffMs * power(2, least(greatest(coalesce(completion_attempts, 1) - 1, 0), 30)))
                        * interval '1 millisecond' <= :now
                order by publication_date
                limit :batchSize
                """.formatted(PUBLICATIONS))
                .param("maxAttempts", retry.maxAttempts())
                .param("maxBackoffMs", retry.maxBackoff().toMillis())
                .param("initialBackoffMs", retry.initialBackoff().toMillis())
                .param("now", Timestamp.from(now))
                .param("batchSize", retry.batchSize())
                .query(UUID.class).list();
    }

    /** Makes an unfinished publication failed, so it can be resubmitted whatever state it was left in. */
    boolean markFailedIfIncomplete(UUID id) {
        return jdbc.sql("update %s set status = 'FAILED' where id = :id and completion_date is null".formatted(PUBLICATIONS))
                .param("id", id).update() == 1;
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

    /** Deletes completed publications older than {@code cutoff} and the failure records no publication refers to any more. */
    int deleteCompletedBefore(Instant cutoff) {
        int deleted = jdbc.sql("delete from %s where completion_date < :cutoff".formatted(PUBLICATIONS))
                .param("cutoff", Timestamp.from(cutoff)).update();
        jdbc.sql("""
                delete from %s f where f.failed_at < :cutoff and not exists (
                    select 1 from %s p where p.completion_date is null and p.listener_id = f.listener_id
                      and p.serialized_event::jsonb ->> 'eventId' = cast(f.event_id as text))
                """.formatted(FAILURES, PUBLICATIONS)).param("cutoff", Timestamp.from(cutoff)).update();
        return deleted;
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
