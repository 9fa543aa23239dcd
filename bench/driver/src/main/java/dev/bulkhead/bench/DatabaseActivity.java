package dev.bulkhead.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Watches the application's sessions from a connection of its own, every 50 ms ({@code pg_stat_activity}): per phase of
 * the rehearsal, the longest any statement of the application waited for a lock, and the longest transaction of the
 * application that holds a snapshot or has written (what holds back vacuum and row locks), each with its statement.
 * A wait or transaction shorter than the interval may be missed; the server's
 * own log of lock waits over {@code deadlock_timeout} (100 ms here, {@link LockWaitLog}) misses none of those.
 * Every sample of an active statement is also kept, to be written beside the requests' trace
 * ({@code activity-<phase>.tsv}: when, which session, for how long so far, on what it waited, what it ran), so that a
 * slow request can be set beside what its session was doing.
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
        /** Samples of the application's active statements by what each waited on ("CPU" when on nothing), and on what statement. */
        final Map<String, Integer> waits = new HashMap<>();
        /** Each sample of an active statement: epoch ms, session, ms since the statement began, wait, statement. */
        final List<String> trace = new ArrayList<>();
        /** The server's counters of writes and WAL at the phase's first and last sample. */
        Map<String, Long> countersAtStart;
        Map<String, Long> countersAtEnd;

        Phase(String name, Instant start) {
            this.name = name;
            this.start = start;
        }

        /** How much each of the server's counters grew during the phase (buffers written by whom, WAL, checkpoints). */
        Map<String, Long> counterGrowth() {
            Map<String, Long> growth = new LinkedHashMap<>();
            if (countersAtStart != null && countersAtEnd != null) {
                countersAtEnd.forEach((name, value) -> growth.put(name, value - countersAtStart.getOrDefault(name, 0L)));
            }
            return growth;
        }

        /** The samples of active statements, as lines {@code <epoch ms>\t<pid>\t<ms running>\t<wait>\t<statement>}. */
        void writeTrace(Path file) {
            StringBuilder lines = new StringBuilder("sampled_epoch_ms\tpid\trunning_ms\twait\tstatement\n");
            trace.forEach(line -> lines.append(line).append('\n'));
            try {
                Files.writeString(file, lines);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The {@code limit} most frequent waits, with their share of the samples of active statements. */
        List<String> commonestWaits(int limit) {
            int all = waits.values().stream().mapToInt(Integer::intValue).sum();
            return waits.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
                    .map(wait -> String.format("%4.1f %% %s", 100.0 * wait.getValue() / all, wait.getKey())).toList();
        }
    }

    private static final String COUNTERS = """
            SELECT b.checkpoints_timed + b.checkpoints_req AS checkpoints, b.buffers_checkpoint, b.buffers_clean,
                   b.buffers_backend, b.buffers_backend_fsync, b.buffers_alloc,
                   w.wal_bytes::bigint AS wal_bytes, w.wal_buffers_full, w.wal_write, w.wal_sync
            FROM pg_stat_bgwriter b, pg_stat_wal w""";

    private static final String SAMPLE = """
            SELECT extract(epoch FROM now() - query_start) * 1000 AS query_ms, pid,
                   (extract(epoch FROM clock_timestamp()) * 1000)::bigint AS sampled_at,
                   extract(epoch FROM now() - xact_start) * 1000 AS xact_ms,
                   wait_event_type, wait_event, state, left(regexp_replace(query, '\\s+', ' ', 'g'), 200) AS query,
                   backend_xid IS NOT NULL OR backend_xmin IS NOT NULL AS holds_snapshot_or_writes,
                   state = 'active' AS active, left(regexp_replace(query, '\\s+', ' ', 'g'), 60) AS statement
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
        Map<String, Long> counters = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(COUNTERS)) {
            row.next();
            for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                counters.put(row.getMetaData().getColumnLabel(column), row.getLong(column));
            }
        }
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(SAMPLE)) {
            synchronized (this) {
                Phase phase = current;
                phase.samples++;
                if (phase.countersAtStart == null) {
                    phase.countersAtStart = counters;
                }
                phase.countersAtEnd = counters;
                while (row.next()) {
                    if (row.getBoolean("active")) {
                        String waited = row.getString("wait_event_type") == null ? "CPU"
                                : row.getString("wait_event_type") + ":" + row.getString("wait_event");
                        phase.waits.merge(waited + " in " + row.getString("statement"), 1, Integer::sum);
                        phase.trace.add(row.getLong("sampled_at") + "\t" + row.getInt("pid") + "\t"
                                + String.format(Locale.ROOT, "%.1f", row.getDouble("query_ms")) + "\t" + waited + "\t" + row.getString("statement"));
                    }
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
