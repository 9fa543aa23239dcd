package dev.bulkhead.platform.jobs;

import dev.bulkhead.platform.JobState;
import dev.bulkhead.platform.PagedJob;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code job_checkpoints} table each module with paged jobs keeps in its own schema. Every method runs inside the
 * job's module transaction ({@link PagedJob#inTransaction}), on the module's connection, so a checkpoint commits or
 * rolls back with the page it records.
 */
@Component
class JobCheckpoints {

    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final int MAX_ERROR = 500;

    private final JdbcClient jdbc;

    JobCheckpoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<JobCheckpoint> load(String schema, String name) {
        return jdbc.sql("SELECT * FROM " + table(schema) + " WHERE job_name = ?").param(name)
                .query(JobCheckpoints::checkpoint).optional();
    }

    /** A run from the start: the cursor and counts go back to nothing. */
    void restart(String schema, String name, long total, Instant now) {
        jdbc.sql("INSERT INTO " + table(schema) + " (job_name, state, cursor_after, done, drifted, repaired, total, started_at, "
                        + "updated_at, finished_at, stop_requested, last_error) VALUES (?, 'RUNNING', NULL, 0, 0, 0, ?, ?, ?, NULL, false, NULL) "
                        + "ON CONFLICT (job_name) DO UPDATE SET state = 'RUNNING', cursor_after = NULL, done = 0, drifted = 0, "
                        + "repaired = 0, total = EXCLUDED.total, started_at = EXCLUDED.started_at, updated_at = EXCLUDED.updated_at, "
                        + "finished_at = NULL, stop_requested = false, last_error = NULL")
                .params(name, total, Timestamp.from(now), Timestamp.from(now)).update();
    }

    /** The interrupted run goes on from its cursor, with its counts. */
    void resume(String schema, String name, long total, Instant now) {
        jdbc.sql("UPDATE " + table(schema) + " SET state = 'RUNNING', total = GREATEST(?, done), updated_at = ?, finished_at = NULL, "
                        + "stop_requested = false, last_error = NULL WHERE job_name = ?")
                .params(total, Timestamp.from(now), name).update();
    }

    /**
     * Moves the checkpoint past a page, with the page's counts.
     *
     * @return whether an operator asked the job to stop (on any instance)
     */
    boolean advance(String schema, String name, @Nullable String cursor, PagedJob.Applied applied, boolean last, Instant now) {
        return jdbc.sql("UPDATE " + table(schema) + " SET cursor_after = ?, done = done + ?, drifted = drifted + ?, "
                        + "repaired = repaired + ?, total = GREATEST(total, done + ?), updated_at = ?, "
                        + "state = CASE WHEN ? THEN 'COMPLETED' ELSE state END, finished_at = CASE WHEN ? THEN ? ELSE finished_at END "
                        + "WHERE job_name = ? RETURNING stop_requested")
                .params(cursor, applied.done(), applied.drifted(), applied.repaired(), applied.done(), Timestamp.from(now), last, last,
                        Timestamp.from(now), name)
                .query(Boolean.class).single();
    }

    /** Records how a run ended early: stopped or failed, the cursor kept for the next start. */
    void ended(String schema, String name, JobState state, @Nullable String error, Instant now) {
        jdbc.sql("UPDATE " + table(schema) + " SET state = ?, last_error = ?, finished_at = ?, updated_at = ?, stop_requested = false "
                        + "WHERE job_name = ?")
                .params(state.name(), error == null ? null : error.substring(0, Math.min(error.length(), MAX_ERROR)),
                        Timestamp.from(now), Timestamp.from(now), name)
                .update();
    }

    /** Asks a running job to stop after its current page, wherever it runs. */
    boolean requestStop(String schema, String name) {
        return jdbc.sql("UPDATE " + table(schema) + " SET stop_requested = true WHERE job_name = ? AND state = 'RUNNING'")
                .param(name).update() == 1;
    }

    private static String table(String schema) {
        if (!SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("not a schema name: " + schema);
        }
        return schema + ".job_checkpoints";
    }

    private static JobCheckpoint checkpoint(ResultSet row, int number) throws SQLException {
        Timestamp finished = row.getTimestamp("finished_at");
        return new JobCheckpoint(row.getString("job_name"), JobState.valueOf(row.getString("state")), row.getString("cursor_after"),
                row.getLong("done"), row.getLong("drifted"), row.getLong("repaired"), row.getLong("total"),
                row.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant(),
                row.getBoolean("stop_requested"), row.getString("last_error"));
    }
}
