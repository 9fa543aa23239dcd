package dev.bulkhead.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The floor: the captured order's transactions and statements replayed over JDBC, closed-loop, by a few threads,
 * each holding one connection per module role (opened with the same set-up the module pools use). Every replayed
 * order gets a customer copy of its own and fresh ids for everything the order created.
 */
final class SqlReplay {

    private static final Pattern UUIDS = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$(\\d+)");

    record Result(int threads, int orders, double seconds, int failures, String firstFailure, CpuTime.PerOrder cpu) {
        double ordersPerSecond() {
            return orders / seconds;
        }
    }

    private final PostgresServer server;
    private final String jdbcUrl;
    private final CapturedOrder order;
    private final UUID template;

    SqlReplay(PostgresServer server, String jdbcUrl, CapturedOrder order, UUID template) {
        this.server = server;
        this.jdbcUrl = jdbcUrl;
        this.order = order;
        this.template = template;
    }

    /** Replays orders with {@code threads} workers until {@code duration} is over or the customers run out. */
    Result run(int threads, Duration duration, List<UUID> customers, AtomicInteger nextCustomer) throws Exception {
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CpuTime.Reading before = CpuTime.Reading.now(-1);
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                Map<String, Connection> sessions = new HashMap<>();
                try {
                    int index;
                    while (System.nanoTime() < deadline && (index = nextCustomer.getAndIncrement()) < customers.size()) {
                        try {
                            replayOne(sessions, customers.get(index));
                            done.incrementAndGet();
                        } catch (SQLException e) {
                            failures.incrementAndGet();
                            firstFailure.compareAndSet(null, e.getMessage());
                        }
                    }
                } finally {
                    for (Connection session : sessions.values()) {
                        try {
                            session.close();
                        } catch (SQLException ignored) {
                            // the replay is over either way
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Result(threads, done.get(), seconds, failures.get(), firstFailure.get(),
                CpuTime.Reading.now(-1).perOrderSince(before, done.get()));
    }

    private void replayOne(Map<String, Connection> sessions, UUID customer) throws SQLException {
        Map<String, String> ids = new HashMap<>();
        ids.put(template.toString(), customer.toString());
        for (CapturedOrder.Transaction transaction : order.transactions()) {
            Connection connection = session(sessions, transaction.sessionSetup());
            if (connection.isReadOnly() != transaction.readOnly()) {
                connection.setReadOnly(transaction.readOnly()); // pgjdbc then begins with BEGIN READ ONLY, as the app's did
            }
            try {
                for (CapturedOrder.Statement statement : transaction.statements()) {
                    execute(connection, statement, ids);
                }
                if (transaction.rolledBack()) {
                    connection.rollback();
                } else {
                    connection.commit();
                }
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static void execute(Connection connection, CapturedOrder.Statement statement, Map<String, String> ids)
            throws SQLException {
        List<Integer> order = new ArrayList<>();
        Matcher placeholder = PLACEHOLDER.matcher(statement.sql());
        StringBuilder sql = new StringBuilder();
        while (placeholder.find()) {
            order.add(Integer.parseInt(placeholder.group(1)));
            placeholder.appendReplacement(sql, "?");
        }
        placeholder.appendTail(sql);
        try (PreparedStatement prepared = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < order.size(); i++) {
                String value = statement.parameters().get(order.get(i) - 1);
                // untyped, as a literal would be: PostgreSQL infers each type from the statement
                if (value == null) {
                    prepared.setNull(i + 1, Types.OTHER);
                } else {
                    prepared.setObject(i + 1, fresh(value, ids), Types.OTHER);
                }
            }
            if (prepared.execute()) {
                try (ResultSet rows = prepared.getResultSet()) {
                    while (rows.next()) {
                        rows.getObject(1);
                    }
                }
            }
        }
    }

    /** Every id the captured order created becomes a new one, the same within one replayed order. */
    private static String fresh(String value, Map<String, String> ids) {
        Matcher uuid = UUIDS.matcher(value);
        if (!uuid.find()) {
            return value;
        }
        return uuid.replaceAll(match -> ids.computeIfAbsent(match.group(), any -> UUID.randomUUID().toString()));
    }

    private Connection session(Map<String, Connection> sessions, String setup) throws SQLException {
        Connection existing = sessions.get(setup);
        if (existing != null) {
            return existing;
        }
        Connection connection = server.connect(jdbcUrl);
        if (!setup.isBlank()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(setup);
            }
        }
        connection.setAutoCommit(false);
        sessions.put(setup, connection);
        return connection;
    }
}
