package dev.bulkhead.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Collects the figures of one run and writes {@code report.md} (machine, versions, every figure, each target with
 * its verdict) and {@code latency-vs-throughput.svg}, followed by the hand-written analysis ({@code bench/analysis.md}),
 * so the explanation of a miss sits next to the figures it explains.
 */
final class Report {

    private final BenchOptions options;
    private final Instant started;
    private final Map<String, String> loads = new LinkedHashMap<>();
    private final List<String[]> verdicts = new ArrayList<>();
    /** Sections by number, so the report reads 1 to 7 whatever order the phases ran in. */
    private final java.util.TreeMap<Integer, StringBuilder> sections = new java.util.TreeMap<>();
    private StringBuilder current = new StringBuilder();
    private String database = "";
    private String chart;
    private double floorPerSecond = Double.NaN;
    private String comparison;
    private String tracing;

    Report(BenchOptions options, Instant started) {
        this.options = options;
        this.started = started;
    }

    void loadAt(String moment) {
        loads.put(moment, MachineInfo.load());
    }

    void database(String description) {
        this.database = description;
    }

    void startup(List<StartupBench.Result> bulkhead, List<StartupBench.Result> minimal) {
        current = section(4);
        current.append("\n## 4. Start-up (process start → `/actuator/health` 200)\n\n")
                .append("Against an already migrated database (the first start, which provisions and migrates, is not counted); ")
                .append("median of ").append(bulkhead.get(0).seconds().length).append(" starts.\n\n")
                .append("| JDK set-up | Bulkhead (s) | minimal app (s) | ratio | target ≤ 1.3 × | all Bulkhead starts (s) |\n|---|---|---|---|---|---|\n");
        for (int i = 0; i < bulkhead.size(); i++) {
            StartupBench.Result app = bulkhead.get(i);
            StartupBench.Result floor = minimal.get(i);
            double ratio = app.median() / floor.median();
            current.append(f("| %s | %.2f | %.2f | %.2f | %s | %s |\n", app.setup(), app.median(), floor.median(), ratio,
                    mark(ratio <= 1.3), Arrays.stream(app.seconds()).mapToObj(s -> f("%.2f", s)).collect(Collectors.joining(", "))));
            verdict("start-up, " + app.setup(), f("%.2f s = %.2f × minimal (%.2f s)", app.median(), ratio, floor.median()),
                    "≤ 1.3 × minimal", ratio <= 1.3);
        }
    }

    void floor(OrderCapture.Capture capture, List<SqlReplay.Result> replays) {
        SqlReplay.Result best = replays.stream().max((a, b) -> Double.compare(a.ordersPerSecond(), b.ordersPerSecond())).orElseThrow();
        floorPerSecond = best.ordersPerSecond();
        current = section(2);
        current.append("\n## 2. The SQL floor of one order\n\n")
                .append(f("One order, captured with `log_statement = 'all'` on its own database: **%d transactions, %d statements** ",
                        capture.order().transactions().size(), capture.order().statementCount()))
                .append("(BEGIN/COMMIT not counted; listing in [order-statements.sql](order-statements.sql)). ")
                .append(f("The application's own counter `bulkhead.db.statements` rose by %.0f for the same order ", capture.appStatementCount()))
                .append("(it counts statements prepared through the module pools, so the registry's and the timeline's share shows up under their owners).\n\n")
                .append("Replayed over JDBC against the same server, closed-loop, one connection per module role per thread, ")
                .append("each replayed order with its own copy of the customer and fresh ids:\n\n")
                .append("| threads | orders | seconds | orders/s | CPU ms per order: PostgreSQL | replay client | failures |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (SqlReplay.Result replay : replays) {
            current.append(f("| %d | %d | %.1f | %.0f | %.2f | %.2f | %d%s |\n", replay.threads(), replay.orders(), replay.seconds(),
                    replay.ordersPerSecond(), replay.cpu().postgres(), replay.cpu().bench(), replay.failures(),
                    replay.firstFailure() == null ? "" : " (" + replay.firstFailure() + ")"));
        }
        current.append(f("\n**Floor: %.0f orders/s** (best of the thread counts).\n", floorPerSecond));
    }

    private static String warmUp(LoadBench.WarmUp warmUp, LoadBench.Plan plan) {
        return f("The application is warmed up first: %.0f orders/s in windows of %d s until its JIT compiler threads use under "
                + "%.0f %% of its CPU in a window (at most %d windows). This run's warm-up %s after %d windows (%d s, %d orders), "
                + "the last window's JIT share %.1f %%. ", plan.warmUpRate(), plan.warmUpWindow().toSeconds(),
                100 * LoadBench.JIT_SETTLED, plan.maxWarmUpWindows(), warmUp.settled() ? "settled" : "**did not settle**",
                warmUp.windows(), warmUp.duration().toSeconds(), warmUp.orders(), 100 * warmUp.lastJitShare());
    }

    void load(LoadBench.Outcome outcome, LoadBench.Plan plan) throws IOException {
        current = section(1);
        current.append("\n## 1. Order flow (open loop)\n\n")
                .append(warmUp(outcome.warmUp(), plan))
                .append(f("Each step offers orders at a fixed rate for %d s; latency counts from the instant ", plan.step().toSeconds()))
                .append("each POST was *due*, so queueing in the client or server is not hidden. Time to PAID = the PAID row of the ")
                .append("order's timeline (`orders.order_transitions.occurred_at`) minus that instant, read from the database after the step. ")
                .append("A step is sustainable when nothing is refused or left unpaid, the achieved rate is ≥ 95 % of the offer and p99 ≤ 1 s.\n\n")
                .append("The CPU columns divide the CPU time each process used during the step (until its last order was paid) ")
                .append("by the orders paid: the application (and, of that, its JIT compiler threads), PostgreSQL, and the load ")
                .append("generator (the benchmark's own JVM).\n\n")
                .append("| offered/s | achieved (PAID)/s | refused | unpaid | POST p50 | POST p99 | to PAID p50 | p90 | p99 | max | sustainable "
                        + "| CPU ms per order: app | of it JIT | PostgreSQL | load generator |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        List<OrderFlowStep.Result> all = new ArrayList<>(outcome.ladder());
        all.add(outcome.half());
        for (OrderFlowStep.Result step : all) {
            current.append(f("| %.0f%s | %.1f | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %s | %.2f | %.2f | %.2f | %.2f |\n",
                    step.offeredPerSecond(), step == outcome.half() ? " (half)" : "", step.achievedPerSecond(), step.refused(),
                    step.notPaid(), step.post().p50(), step.post().p99(), step.toPaid().p50(), step.toPaid().p90(), step.toPaid().p99(),
                    step.toPaid().max(), step.sustainable() ? "yes" : "no", step.cpu().app(), step.cpu().jit(), step.cpu().postgres(),
                    step.cpu().bench()));
        }
        current.append(f("\nLatencies in ms. Highest sustainable offered rate: **%.0f orders/s**; highest achieved: **%.1f orders/s**.\n",
                outcome.maxSustainable(), outcome.maxAchieved()));
        if (outcome.ladder().get(outcome.ladder().size() - 1).sustainable()) {
            current.append("\n**The ladder ended before the application saturated**: the highest achieved rate is a lower bound.\n");
        }
        current.append("\n![latency against throughput](latency-vs-throughput.svg)\n");
        chart = LatencyChart.svg(outcome.ladder(), Double.isNaN(floorPerSecond) ? 0 : floorPerSecond);
        if (!Double.isNaN(floorPerSecond)) {
            double ratio = outcome.maxAchieved() / floorPerSecond;
            verdict("order flow vs SQL floor", f("%.1f of %.0f orders/s = %.0f %%", outcome.maxAchieved(), floorPerSecond, ratio * 100),
                    "≥ 50 %", ratio >= 0.5);
        }
        verdict("p99 time to PAID at half the max sustainable rate", f("%.1f ms at %.0f/s", outcome.half().toPaid().p99(),
                outcome.half().offeredPerSecond()), "≤ 50 ms", outcome.half().toPaid().p99() <= 50);

        current = section(3);
        current.append("\n## 3. Dashboard against its parts\n\n")
                .append(f("Each endpoint alone, open loop at %.0f requests/s for %d s, customers in turn (each has a few hundred orders by then), after all four were warmed up for as long.\n\n",
                        plan.readRate(), plan.readStep().toSeconds()))
                .append("| endpoint | p50 ms | p99 ms | max ms |\n|---|---|---|---|\n");
        double slowestPart = 0;
        String slowestName = "";
        Latencies dashboard = null;
        for (Map.Entry<String, Latencies> read : outcome.reads().entrySet()) {
            Latencies l = read.getValue();
            current.append(f("| `%s` | %.2f | %.2f | %.2f |\n", read.getKey(), l.p50(), l.p99(), l.max()));
            if (read.getKey().contains("dashboard")) {
                dashboard = l;
            } else if (l.p99() > slowestPart) {
                slowestPart = l.p99();
                slowestName = read.getKey();
            }
        }
        double ratio = dashboard.p99() / slowestPart;
        verdict("dashboard p99 vs slowest part", f("%.2f ms = %.2f × `%s` (%.2f ms)", dashboard.p99(), ratio, slowestName, slowestPart),
                "≤ 1.5 ×", ratio <= 1.5);

        current = section(5);
        current.append(f("\n## 5. Memory\n\nPeak RSS (VmHWM) of the application process after the whole load phase: **%.0f MiB**. JVM flags: `%s`, environment `%s`.\n",
                outcome.peakRssMib(), String.join(" ", JavaSetup.APP_FLAGS), JavaSetup.APP_ENVIRONMENT));
        if (!outcome.memoryByPhase().isEmpty()) {
            current.append("\nResident set and threads by phase (sampled from `/proc` every 200 ms; the first row is the ")
                    .append("application idle after start-up while the benchmark creates its customers):\n\n")
                    .append("| phase | highest RSS MiB | RSS at its end MiB | most threads |\n|---|---|---|---|\n");
            outcome.memoryByPhase().values().forEach(phase -> current.append(f("| %s | %.0f | %.0f | %d |\n",
                    phase.name(), phase.maxRssMib(), phase.lastRssMib(), phase.maxThreads())));
        }
        if (!outcome.memoryBreakdown().isEmpty()) {
            current.append("\nWhere the resident set was right after the load (`jcmd GC.heap_info` and `Compiler.codecache`; ")
                    .append("the rest is the resident set now minus these):\n\n| part | MiB |\n|---|---|\n");
            outcome.memoryBreakdown().forEach((part, mib) -> current.append(f("| %s | %.0f |\n", part, mib)));
        }
        JvmMemory.Collections gc = outcome.collections();
        if (gc != null) {
            current.append(f("\nThe collector, from start-up to the end of the reads (`jstat -gc`): %d young collections (%.1f s in all), %d full (%.1f s).\n",
                    gc.young(), gc.youngSeconds(), gc.full(), gc.fullSeconds()));
        }
        if (!outcome.nativeMemory().isEmpty()) {
            current.append("\nNative Memory Tracking right after the load (`-Dbench.nmt=true` ran the application with ")
                    .append("`-XX:NativeMemoryTracking=summary`, which adds its own tables to the RSS above):\n\n| category | committed MiB |\n|---|---|\n");
            outcome.nativeMemory().forEach((category, mib) -> current.append(f("| %s | %.0f |\n", category, mib)));
        }
        verdict("peak RSS under load", f("%.0f MiB", outcome.peakRssMib()), "≤ 400 MB", outcome.peakRssMib() * 1.048576 <= 400);
    }

    /** Section 7, and the comparison's targets in the table of targets. */
    void comparison(BaselineComparison.Outcome outcome, Instant at, String loads) {
        ComparisonSection.Text text = ComparisonSection.of(outcome, at, options.command(), loads);
        comparison = text.markdown();
        section(7).append(comparison);
        verdicts.addAll(text.verdicts());
    }

    /** Section 8, what tracing costs, and its targets in the table of targets. */
    void tracing(BaselineComparison.Outcome outcome, Instant at, String loads) {
        ComparisonSection.Text text = TracingSection.of(outcome, at, options.command(), loads);
        tracing = text.markdown();
        section(8).append(tracing);
        verdicts.addAll(text.verdicts());
    }

    void checkTimes(Path file) throws IOException {
        current = section(6);
        current.append("\n## 6. Check times\n\n");
        if (file == null || !Files.exists(file)) {
            current.append("Not measured in this run.\n");
            return;
        }
        Properties times = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            times.load(in);
        }
        current.append("Measured by `bench/run` after `./mvnw -DskipUnitTests=true package` (the jar, tests not run), so both start from compiled sources.\n\n")
                .append("| command | wall time | result | load average before |\n|---|---|---|---|\n");
        check(times, "architecture", "`./mvnw -q -Parchitecture test`", 10);
        check(times, "verify", "`./mvnw verify`", 240);
    }

    private void check(Properties times, String key, String command, double target) {
        String seconds = times.getProperty(key + ".seconds");
        if (seconds == null) {
            current.append(f("| %s | not measured (%s) | | |\n", command, times.getProperty(key + ".note", "skipped")));
            return;
        }
        double value = Double.parseDouble(seconds);
        String status = times.getProperty(key + ".status", "?");
        current.append(f("| %s | %.1f s | %s | %s |\n", command, value, status, times.getProperty(key + ".load", "?")));
        verdict(command, f("%.1f s (%s)", value, status), f("≤ %.0f s", target), value <= target && status.equals("passed"));
    }

    /**
     * Writes {@code report.md}, then the hand-written analysis after it. A run of the comparison alone puts its
     * section into the report already there instead (whose analysis explains that report's other figures).
     */
    void write(Path results) throws IOException {
        Path file = results.resolve("report.md");
        if (options.comparesOnly() && Files.exists(file)) {
            String report = Files.readString(file);
            if (comparison != null) {
                report = ReportSplice.splice(report, ComparisonSection.HEADING, comparison,
                        f("7 comes from a later run, `%s` started %s (it says its own machine, database and JDK); the rest from the run above.",
                                options.command(), started));
            }
            if (tracing != null) {
                report = ReportSplice.splice(report, TracingSection.HEADING, tracing,
                        f("8 comes from a later run, `%s` started %s (it says its own machine, database and JDK); the rest from the run above.",
                                options.command(), started));
            }
            Files.writeString(file, report);
            return;
        }
        loadAt("end");
        StringBuilder text = new StringBuilder("# Bulkhead benchmark report\n\n")
                .append("Generated by `").append(options.command()).append("` on ").append(started).append(".\n\n")
                .append("| | |\n|---|---|\n")
                .append(f("| machine | %s, %d cores, %s RAM, %s |\n", MachineInfo.cpu(), MachineInfo.cores(), MachineInfo.memory(), MachineInfo.os()))
                .append(f("| load average (1/5/15 min) | %s |\n", loads.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                        .collect(Collectors.joining("; "))))
                .append(f("| JDKs | %s%s |\n", JdkVersion.describe(options.jdk17()), options.jdk25() == null ? "" : "; " + JdkVersion.describe(options.jdk25())))
                .append("| versions | Spring Boot 4.1.2, Spring Modulith 2.1.1, Bulkhead 0.1.0-SNAPSHOT |\n")
                .append(f("| database | %s |\n", database))
                .append(f("| application JVM flags | `%s`, environment `%s` |\n", String.join(" ", JavaSetup.APP_FLAGS), JavaSetup.APP_ENVIRONMENT))
                .append("\nThe machine has 2 cores shared by the application, PostgreSQL and the load generator, and other builds may run on it; ")
                .append("load averages well above 2 mean the figures are pessimistic.\n")
                .append("\n## Targets\n\n| figure | measured | target | met |\n|---|---|---|---|\n");
        for (String[] verdict : verdicts) {
            text.append("| ").append(String.join(" | ", verdict)).append(" |\n");
        }
        sections.values().forEach(text::append);
        if (options.analysis() != null && Files.exists(options.analysis())) {
            text.append('\n').append(Files.readString(options.analysis()));
        }
        Files.writeString(file, text);
        if (chart != null) {
            Files.writeString(results.resolve("latency-vs-throughput.svg"), chart);
        }
    }

    private StringBuilder section(int number) {
        return sections.computeIfAbsent(number, n -> new StringBuilder());
    }

    private void verdict(String figure, String measured, String target, boolean met) {
        verdicts.add(new String[] { figure, measured, target, mark(met) });
    }

    private static String mark(boolean met) {
        return met ? "yes" : "**no**";
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
