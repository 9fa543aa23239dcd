package dev.bulkhead.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One offered load of the order flow: orders placed open-loop at a fixed rate, then each order's time to
 * PAID read from its own timeline ({@link PaidOrders}) minus the instant its POST was due. The timeline is read
 * from the database after the step, so the measurement adds no polling load to the application while it runs.
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
        Map<UUID, Long> paidMicros = new PaidOrders(database).await(dueMicros.keySet(), drainTimeout);
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
}
