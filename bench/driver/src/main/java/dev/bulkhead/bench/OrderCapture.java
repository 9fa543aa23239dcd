package dev.bulkhead.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Runs the application once on a database whose every statement PostgreSQL logs, places one order between two
 * marker statements and reads back what it cost. Periodic jobs are slowed to once an hour for this run: they cost
 * per unit of time, not per order, and would otherwise land in the window at random.
 */
final class OrderCapture {

    static final String BEGIN = "bench-capture-begin";
    static final String END = "bench-capture-end";

    /** The captured order, the customer it was placed for, copies of that customer, and the app's own count. */
    record Capture(CapturedOrder order, UUID template, List<UUID> copies, String jdbcUrl, double appStatementCount) {
    }

    private final PostgresServer server;
    private final Path logs;
    private final int port;

    OrderCapture(PostgresServer server, Path logs, int port) {
        this.server = server;
        this.logs = logs;
        this.port = port;
    }

    Capture capture(JavaSetup java, Path jar, int copies) throws Exception {
        Path serverLog = server.logFile().orElseThrow(() -> new IllegalStateException(
                "the SQL floor needs the server log of the embedded PostgreSQL"));
        String database = "capture";
        String url = server.newDatabase(database);
        server.logEveryStatement(database, true);
        List<String> quietJobs = List.of("--bulkhead.events.retry.interval=PT1H", "--bulkhead.order.expiry-check-interval=PT1H",
                "--bulkhead.reconciliation.interval=PT1H");
        try (JarProcess app = JarProcess.start(java.command(jar, List.of()), port, url, server, quietJobs,
                logs.resolve("capture-app.log")); Connection driver = server.connect(url)) {
            app.awaitReady(Duration.ofMinutes(3));
            BulkheadClient client = new BulkheadClient(app.baseUrl());
            UUID warmUp = client.customerWithMoney("capture-warm-up@bench.invalid");
            awaitPaid(driver, client.placeOrder(warmUp));
            UUID template = client.customerWithMoney("capture@bench.invalid");
            Pause.millis(500); // let the registration's own events settle before the window opens
            List<UUID> replayCustomers = ReplayCustomers.copy(driver, template, copies);
            double before = client.metric("bulkhead.db.statements", null);
            marker(driver, BEGIN);
            UUID order = client.placeOrder(template);
            awaitPaid(driver, order);
            Pause.millis(1_000); // the history projection and the registry's completion updates follow PAID
            marker(driver, END);
            double counted = client.metric("bulkhead.db.statements", null) - before;
            Pause.millis(500); // the logging collector writes asynchronously
            CapturedOrder captured = StatementLog.between(serverLog, BEGIN, END);
            server.logEveryStatement(database, false);
            return new Capture(captured, template, replayCustomers, url, counted);
        }
    }

    private static void marker(Connection driver, String marker) throws SQLException {
        try (Statement statement = driver.createStatement()) {
            statement.execute("SELECT '" + marker + "'");
        }
    }

    private static void awaitPaid(Connection driver, UUID order) throws SQLException {
        for (int i = 0; i < 200; i++) {
            try (PreparedStatement query = driver.prepareStatement("SELECT status FROM orders.orders WHERE id = ?")) {
                query.setObject(1, order);
                try (ResultSet row = query.executeQuery()) {
                    if (row.next() && row.getString(1).equals("PAID")) {
                        return;
                    }
                }
            }
            Pause.millis(20);
        }
        throw new IllegalStateException("order " + order + " not PAID within 4 s");
    }
}
