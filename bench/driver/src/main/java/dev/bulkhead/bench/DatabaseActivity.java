package dev.bulkhead.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Watches the application's sessions from a connection of its own, every 50 ms ({@code pg_stat_activity}): per phase of
 * the rehearsal, the longest any statement of the application waited for a lock, and the longest transaction of the
 * application that holds a snapshot or has written (what holds back vacuum and row locks), each with its statement.
 * A wait or transaction shorter than the interval may be missed; the server's
 * own log of lock waits over {@code deadlock_timeout} (100 ms here, {@link LockWaitLog}) misses none of those.
 */
final class DatabaseActivity implements AutoCloseable {

    /** The longest lock wait and transaction seen in one phase, with the statements, and the phase's time window. */
    static final class Phase {
        final String name;
        final Instant start;
        Instant end;
        double longestLockWaitMs;
        String lockWaitStatement = "";
        String lockWaitOn = "";
        double longestTransactionMs;
        String transactionStatement = "";
        int samples;

        Phase(String name, Instant start) {
            this.name = name;
            this.start = start;
        }
    }

    private static final String SAMPLE = """
            SELECT extract(epoch FROM now() - query_start) * 1000 AS query_ms,
                   extract(epoch FROM now() - xact_start) * 1000 AS xact_ms,
                   wait_event_type, wait_event, state, left(regexp_replace(query, '\\s+', ' ', 'g'), 200) AS query,
                   backend_xid IS NOT NULL OR backend_xmin IS NOT NULL AS holds_snapshot_or_writes
            FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
              AND usename LIKE 'bulkhead%' AND xact_start IS NOT NULL""";

    private final Connection connection;
    private final Map<String, Phase> phases = new LinkedHashMap<>();
    private final Thread sampler;
    private volatile Phase current;
    private volatile boolean running = true;

    DatabaseActivity(Connection connection) {
        this.connection = connection;
        this.current = new Phase("start", Instant.now());
        phases.put(current.name, current);
        this.sampler = new Thread(this::sampleUntilClosed, "database-activity");
        this.sampler.setDaemon(true);
        this.sampler.start();
    }

    /** Samples from now on count towards {@code name}. */
    synchronized void phase(String name) {
        Instant now = Instant.now();
        current.end = now;
        current = new Phase(name, now);
        phases.put(name, current);
    }

    synchronized Map<String, Phase> phases() {
        return new LinkedHashMap<>(phases);
    }

    private void sampleUntilClosed() {
        while (running) {
            try {
                sample();
            } catch (SQLException e) {
                if (running) {
                    Progress.say("activity sampler: %s", e.getMessage());
                }
            }
            Pause.millis(50);
        }
    }

    private void sample() throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(SAMPLE)) {
            synchronized (this) {
                Phase phase = current;
                phase.samples++;
                while (row.next()) {
                    double xact = row.getDouble("xact_ms");
                    String query = row.getString("query");
                    // a job's lock (ClusterLock) idles in a transaction that holds neither a snapshot nor a row: not counted
                    if (row.getBoolean("holds_snapshot_or_writes") && xact > phase.longestTransactionMs) {
                        phase.longestTransactionMs = xact;
                        phase.transactionStatement = row.getString("state") + ": " + query;
                    }
                    if ("Lock".equals(row.getString("wait_event_type"))) {
                        double waited = row.getDouble("query_ms");
                        if (waited > phase.longestLockWaitMs) {
                            phase.longestLockWaitMs = waited;
                            phase.lockWaitStatement = query;
                            phase.lockWaitOn = row.getString("wait_event");
                        }
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            sampler.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            current.end = Instant.now();
        }
    }
}
