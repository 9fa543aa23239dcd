package dev.bulkhead.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Issue 20's comparison: a baseline jar (built from an older commit) and the current one, alternating round by
 * round (baseline, current, baseline, current, ...) so that a machine getting busier or quieter over the phase
 * affects both alike. Each run starts its jar on a fresh database of a fresh durable server (a deployment's
 * settings: a commit waits for the disk), times that first start, registers one customer per connection, warms up
 * closed-loop, then measures closed-loop at 1 and at {@code connections} connections, and after each load waits
 * until every accepted order is PAID.
 */
final class BaselineComparison {

    /** @param drainTimeout how long to wait after a load for its accepted orders to be PAID before counting them unpaid */
    record Plan(int rounds, Duration warmUp, Duration measure, int connections, Duration drainTimeout) {
    }

    /**
     * A jar under comparison: {@code name} is "baseline" or "current" (or, for the tracing phase, "tracing off" and
     * "tracing on"), {@code version} the commit it was built from, {@code arguments} the application's own arguments.
     */
    record Build(String name, String version, Path jar, List<String> arguments) {

        Build(String name, String version, Path jar) {
            this(name, version, jar, List.of());
        }
    }

    /**
     * One closed-loop load and what became of its orders; {@code cpu} is the CPU each accepted order cost the
     * application and PostgreSQL during the load (their work after it, finishing the backlog, not included).
     */
    record Load(ClosedLoop.Result result, int unpaid, double drainSeconds, CpuTime.PerOrder cpu) {
    }

    /** One jar in one round; {@code peakRssMib} is the process's VmHWM over the whole run, start-up included. */
    record Run(Build build, int round, double firstStartSeconds, Load warmUp, Load single, Load many, double peakRssMib) {

        int unpaid() {
            return warmUp.unpaid() + single.unpaid() + many.unpaid();
        }
    }

    record Outcome(Plan plan, JavaSetup java, String database, Build baseline, Build current, List<Run> runs) {

        List<Run> of(Build build) {
            return runs.stream().filter(run -> run.build().equals(build)).toList();
        }
    }

    private final Function<String, PostgresServer> servers;
    private final Path logs;
    private final int port;

    /** @param servers a fresh server for each run, by a name unique in the phase */
    BaselineComparison(Function<String, PostgresServer> servers, Path logs, int port) {
        this.servers = servers;
        this.logs = logs;
        this.port = port;
    }

    Outcome run(Plan plan, JavaSetup java, Build baseline, Build current) throws SQLException {
        List<Run> runs = new ArrayList<>();
        String database = null;
        for (int round = 1; round <= plan.rounds(); round++) {
            for (Build build : List.of(baseline, current)) {
                Progress.say("compare, round %d of %d: %s, %s", round, plan.rounds(), build.name(), build.version());
                try (PostgresServer server = servers.apply(build.name() + "-" + round)) {
                    database = server.description();
                    runs.add(run(plan, java, build, round, server));
                }
            }
        }
        return new Outcome(plan, java, database, baseline, current, runs);
    }

    private Run run(Plan plan, JavaSetup java, Build build, int round, PostgresServer server) throws SQLException {
        String url = server.newDatabase("compare");
        try (JarProcess app = JarProcess.start(java.command(build.jar(), List.of()), port, url, server, build.arguments(),
                logs.resolve("compare-" + build.name() + "-" + round + ".log")); Connection database = server.connect(url)) {
            double firstStart = app.awaitReady(Duration.ofMinutes(3));
            Progress.say("%s: first start on an empty database %.2f s", build.name(), firstStart);
            BulkheadClient client = new BulkheadClient(app.baseUrl());
            // one customer per connection, as the load tool has them: no two clients charge the same account
            List<UUID> customers = new ArrayList<>();
            for (int i = 0; i < plan.connections(); i++) {
                customers.add(client.customerWithMoney("compare-" + i + "@bench.invalid"));
            }
            Orders orders = new Orders(new ClosedLoop(client), new PaidOrders(database), client, customers, plan.drainTimeout(),
                    app.pid());
            Load warmUp = orders.place(plan.connections(), plan.warmUp());
            report(build, "warm-up", warmUp);
            Load single = orders.place(1, plan.measure());
            report(build, "1 connection", single);
            Load many = orders.place(plan.connections(), plan.measure());
            report(build, plan.connections() + " connections", many);
            return new Run(build, round, firstStart, warmUp, single, many, app.peakRssMib());
        }
    }

    private static void report(Build build, String load, Load outcome) {
        ClosedLoop.Result result = outcome.result();
        Progress.say("%s, %s: %.1f accepted orders/s, POST p50 %.1f ms p99 %.1f ms, 503: %d, other refused: %d, "
                + "unpaid %d (all paid %.1f s after the load), CPU per order: application %.2f ms, PostgreSQL %.2f ms",
                build.name(), load, result.acceptedPerSecond(), result.latencies().p50(), result.latencies().p99(),
                result.count(503), result.refused() - result.count(503), outcome.unpaid(), outcome.drainSeconds(),
                outcome.cpu().app(), outcome.cpu().postgres());
    }

    /** Places orders closed-loop, client {@code i} for customer {@code i}, then waits for them to be PAID. */
    private record Orders(ClosedLoop loop, PaidOrders paid, BulkheadClient client, List<UUID> customers, Duration drainTimeout,
            long appPid) {

        Load place(int connections, Duration duration) throws SQLException {
            CpuTime.Reading before = CpuTime.Reading.now(appPid);
            ClosedLoop.Result result = loop.run(connections, duration, i -> client.placeOrderRequest(customers.get(i)));
            List<UUID> accepted = result.accepted().stream().map(body -> UUID.fromString(BulkheadClient.id(body))).toList();
            CpuTime.PerOrder cpu = CpuTime.Reading.now(appPid).perOrderSince(before, accepted.size());
            long drainStart = System.nanoTime();
            int unpaid = accepted.size() - paid.await(accepted, drainTimeout).size();
            return new Load(result, unpaid, (System.nanoTime() - drainStart) / 1e9, cpu);
        }
    }
}
