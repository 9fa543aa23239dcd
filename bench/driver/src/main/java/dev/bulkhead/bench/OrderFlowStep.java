package dev.bulkhead.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One offered load of the order flow: orders placed open-loop at a fixed rate, then each order's time to
 * PAID read from its own timeline ({@code orders.order_transitions}, the PAID row's {@code occurred_at})
 * minus the instant its POST was due. The timeline is read from the database after the step, so the
 * measurement adds no polling load to the application while it runs.
 */
final class OrderFlowStep {

    /** What one offered load achieved. {@code achievedPerSecond} counts orders that reached PAID. */
    record Result(double offeredPerSecond, int placed, int refused, int paid, int notPaid, double achievedPerSecond,
            Latencies post, Latencies toPaid, CpuTime.PerOrder cpu) {

        /** Sustainable: nearly everything offered got PAID, within a second at p99, at nearly the offered rate. */
        boolean sustainable() {
            return refused == 0 && notPaid == 0 && achievedPerSecond >= 0.95 * offeredPerSecond && toPaid.p99() <= 1000;
        }
    }

    private final BulkheadClient client;
    private final Connection database;
    private final List<UUID> customers;
    private final long appPid;

    OrderFlowStep(BulkheadClient client, Connection database, List<UUID> customers, long appPid) {
        this.client = client;
        this.database = database;
        this.customers = customers;
        this.appPid = appPid;
    }

    Result run(double rate, Duration duration, Duration drainTimeout) throws SQLException {
        CpuTime.Reading before = CpuTime.Reading.now(appPid);
        List<OpenLoop.Sample> samples = new OpenLoop(client).run(rate, duration, 20_000, drainTimeout,
                i -> client.placeOrderRequest(customers.get(i % customers.size())));
        Latencies post = new Latencies();
        Map<UUID, Long> dueMicros = new HashMap<>();
        int refused = 0;
        long firstDue = Long.MAX_VALUE;
        for (OpenLoop.Sample sample : samples) {
            post.recordNanos(sample.latencyNanos());
            if (sample.ok()) {
                dueMicros.put(UUID.fromString(BulkheadClient.id(sample.body())), sample.intendedEpochMicros());
                firstDue = Math.min(firstDue, sample.intendedEpochMicros());
            } else {
                refused++;
            }
        }
        Map<UUID, Long> paidMicros = awaitPaid(dueMicros, drainTimeout);
        // up to the last order paid (give or take the 250 ms poll), so a saturated step's backlog counts too
        CpuTime.PerOrder cpu = CpuTime.Reading.now(appPid).perOrderSince(before, paidMicros.size());
        Latencies toPaid = new Latencies();
        long lastPaid = firstDue;
        for (Map.Entry<UUID, Long> paid : paidMicros.entrySet()) {
            toPaid.recordMicros(paid.getValue() - dueMicros.get(paid.getKey()));
            lastPaid = Math.max(lastPaid, paid.getValue());
        }
        // from the first order due to the last one paid; never shorter than the time the orders were offered over,
        // so an unsaturated step reports about its offered rate and a saturated one the rate it drained at
        double window = Math.max((lastPaid - firstDue) / 1e6, samples.size() / rate);
        double achieved = paidMicros.size() / window;
        return new Result(rate, samples.size(), refused, paidMicros.size(), dueMicros.size() - paidMicros.size(), achieved,
                post, toPaid, cpu);
    }

    /**
     * Polls the timelines until every order has a PAID row or the drain time is over. Each poll asks only for the
     * orders not seen paid yet: the polls run while a saturated step's backlog drains, and must not load the
     * database they are measuring more than they have to.
     */
    private Map<UUID, Long> awaitPaid(Map<UUID, Long> orders, Duration drainTimeout) throws SQLException {
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        Map<UUID, Long> paid = new HashMap<>();
        Set<UUID> waiting = new HashSet<>(orders.keySet());
        while (true) {
            Map<UUID, Long> found = readPaid(waiting);
            paid.putAll(found);
            waiting.removeAll(found.keySet());
            if (waiting.isEmpty() || System.nanoTime() >= deadline) {
                return paid;
            }
            Pause.millis(250);
        }
    }

    private Map<UUID, Long> readPaid(Set<UUID> orders) throws SQLException {
        Map<UUID, Long> paid = new HashMap<>();
        try (PreparedStatement query = database.prepareStatement("SELECT order_id, occurred_at FROM orders.order_transitions"
                + " WHERE to_status = 'PAID' AND order_id = ANY (?)")) {
            Array ids = database.createArrayOf("uuid", orders.toArray());
            query.setArray(1, ids);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    java.time.OffsetDateTime at = rows.getObject(2, java.time.OffsetDateTime.class);
                    paid.put(rows.getObject(1, UUID.class), at.toEpochSecond() * 1_000_000 + at.getNano() / 1000);
                }
            }
        }
        return paid;
    }
}
