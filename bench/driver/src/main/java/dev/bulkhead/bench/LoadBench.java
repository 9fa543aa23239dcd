package dev.bulkhead.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The application under load, one process for the whole phase: warm-up, the order flow at rising offered loads
 * until it stops keeping up, again at half the highest sustainable load, then the dashboard and its parts, and
 * finally the peak RSS the process reached.
 */
final class LoadBench {

    /**
     * The warm-up offers {@code warmUpRate} orders/s in windows of {@code warmUpWindow} until the application's JIT
     * compiler has settled (it used under {@link #JIT_SETTLED} of the application's CPU in a window), at most
     * {@code maxWarmUpWindows} windows: a JVM still compiling its hot paths spends a large part of its CPU on that,
     * and the ladder would measure the compiler rather than the application.
     */
    record Plan(Duration warmUpWindow, double warmUpRate, int maxWarmUpWindows, Duration step, Duration drain,
            Duration readStep, double firstRate, double factor, int maxSteps, double readRate, int customers) {
    }

    /** How the warm-up ended: its length, the orders it placed, and the JIT's share of the app's CPU in its last window. */
    record WarmUp(int windows, Duration duration, int orders, double lastJitShare, boolean settled) {
    }

    record Outcome(WarmUp warmUp, List<OrderFlowStep.Result> ladder, OrderFlowStep.Result half, double maxSustainable,
            double maxAchieved, Map<String, Latencies> reads, double peakRssMib, Map<String, Double> memoryBreakdown,
            Map<String, Double> nativeMemory, JvmMemory.Collections collections, Map<String, MemorySampler.Phase> memoryByPhase) {
    }

    static final double JIT_SETTLED = 0.10;

    private final PostgresServer server;
    private final Path logs;
    private final int port;

    LoadBench(PostgresServer server, Path logs, int port) {
        this.server = server;
        this.logs = logs;
        this.port = port;
    }

    Outcome run(JavaSetup java, Path jar, Plan plan) throws Exception {
        String url = server.newDatabase("load");
        try (JarProcess app = JarProcess.start(java.command(jar, List.of()), port, url, server, List.of(),
                logs.resolve("load-app.log")); Connection database = server.connect(url);
                MemorySampler memory = new MemorySampler(app.pid())) {
            app.awaitReady(Duration.ofMinutes(3));
            memory.phase("customers");
            BulkheadClient client = new BulkheadClient(app.baseUrl());
            List<UUID> customers = new ArrayList<>();
            for (int i = 0; i < plan.customers(); i++) {
                customers.add(client.customerWithMoney("load-" + i + "@bench.invalid"));
            }
            OrderFlowStep flow = new OrderFlowStep(client, database, customers, app.pid());
            memory.phase("warm-up");
            WarmUp warmUp = warmUp(flow, plan);

            List<OrderFlowStep.Result> ladder = new ArrayList<>();
            double rate = plan.firstRate();
            double maxSustainable = 0;
            double maxAchieved = 0;
            for (int i = 0; i < plan.maxSteps(); i++) {
                memory.phase(String.format("orders at %.0f/s", rate));
                OrderFlowStep.Result result = flow.run(rate, plan.step(), plan.drain());
                ladder.add(result);
                maxAchieved = Math.max(maxAchieved, result.achievedPerSecond());
                Progress.say("offered %.0f/s: paid %.1f/s, to PAID p50 %.1f p99 %.1f ms, refused %d, unpaid %d;"
                        + " CPU ms per order: app %.2f (JIT %.2f), PostgreSQL %.2f, load generator %.2f", rate,
                        result.achievedPerSecond(), result.toPaid().p50(), result.toPaid().p99(), result.refused(), result.notPaid(),
                        result.cpu().app(), result.cpu().jit(), result.cpu().postgres(), result.cpu().bench());
                if (!result.sustainable()) {
                    break;
                }
                maxSustainable = rate;
                rate *= plan.factor();
                Pause.millis(2_000);
            }
            memory.phase("pause");
            Pause.millis(5_000); // let a saturated step's backlog clear before the half-load step
            memory.phase(String.format("orders at %.0f/s (half)", Math.max(1, maxSustainable / 2)));
            OrderFlowStep.Result half = flow.run(Math.max(1, maxSustainable / 2), plan.step(), plan.drain());
            Progress.say("half load %.0f/s: to PAID p50 %.1f p99 %.1f ms", half.offeredPerSecond(), half.toPaid().p50(), half.toPaid().p99());

            Map<String, Function<UUID, String>> endpoints = new LinkedHashMap<>();
            endpoints.put("GET /v1/dashboard/{userId}", u -> "/v1/dashboard/" + u);
            endpoints.put("GET /v1/users/{id}", u -> "/v1/users/" + u);
            endpoints.put("GET /v1/billing/summary/{userId}", u -> "/v1/billing/summary/" + u);
            endpoints.put("GET /v1/orders?userId=…", u -> "/v1/orders?userId=" + u);
            memory.phase("reads");
            // every endpoint warms up before any is measured: the dashboard runs its parts' code too, so measuring it
            // first and its parts after would set a colder dashboard against warmer parts
            for (Function<UUID, String> path : endpoints.values()) {
                offerReads(client, plan, customers, path);
            }
            Map<String, Latencies> reads = new LinkedHashMap<>();
            for (Map.Entry<String, Function<UUID, String>> endpoint : endpoints.entrySet()) {
                reads.put(endpoint.getKey(), read(client, plan, customers, endpoint.getValue()));
            }
            memory.close();
            return new Outcome(warmUp, ladder, half, maxSustainable, maxAchieved, reads, app.peakRssMib(),
                    JvmMemory.breakdown(java.javaHome(), app.pid(), app.rssMib()), NativeMemory.committed(java.javaHome(), app.pid()),
                    JvmMemory.collections(java.javaHome(), app.pid()), memory.phases());
        }
    }

    private static WarmUp warmUp(OrderFlowStep flow, Plan plan) throws java.sql.SQLException {
        long start = System.nanoTime();
        int orders = 0;
        double jitShare = Double.NaN;
        for (int window = 1; window <= plan.maxWarmUpWindows(); window++) {
            OrderFlowStep.Result result = flow.run(plan.warmUpRate(), plan.warmUpWindow(), plan.drain());
            orders += result.placed();
            jitShare = result.cpu().jit() / result.cpu().app();
            Progress.say("warm-up window %d at %.0f orders/s: app CPU %.2f ms per order, %.0f %% of it in the JIT compiler",
                    window, plan.warmUpRate(), result.cpu().app(), 100 * jitShare);
            if (jitShare < JIT_SETTLED) {
                return new WarmUp(window, Duration.ofNanos(System.nanoTime() - start), orders, jitShare, true);
            }
        }
        return new WarmUp(plan.maxWarmUpWindows(), Duration.ofNanos(System.nanoTime() - start), orders, jitShare, false);
    }

    /** One read endpoint, open-loop at the plan's read rate for a read step, customers in turn (each has many orders by now). */
    private static List<OpenLoop.Sample> offerReads(BulkheadClient client, Plan plan, List<UUID> customers,
            Function<UUID, String> path) {
        return new OpenLoop(client).run(plan.readRate(), plan.readStep(), 10_000, Duration.ofSeconds(10),
                i -> client.get(path.apply(customers.get(i % customers.size()))));
    }

    /** One read endpoint alone, measured after every endpoint was warmed up. */
    private static Latencies read(BulkheadClient client, Plan plan, List<UUID> customers, Function<UUID, String> path) {
        List<OpenLoop.Sample> samples = offerReads(client, plan, customers, path);
        Latencies latencies = new Latencies();
        for (OpenLoop.Sample sample : samples) {
            if (!sample.ok()) {
                throw new IllegalStateException("read failed: " + sample.status() + " " + sample.body());
            }
            latencies.recordNanos(sample.latencyNanos());
        }
        return latencies;
    }
}
