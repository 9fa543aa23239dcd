package dev.bulkhead.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The benchmark of issue 9 (ADR 0016): start-up against a minimal app, the SQL floor of one order, the order flow
 * under rising open-loop load, the dashboard against its parts, peak RSS; with {@code --phases compare}, the current
 * jar against a baseline jar (issue 20); then the Markdown report and the chart.
 * Run it with {@code bench/run}, which builds the jars and measures the build's own check times first.
 */
public final class BenchMain {

    private static final int PORT = 18_080;

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        Files.createDirectories(options.results());
        Path logs = Files.createDirectories(options.work().resolve("logs"));
        Report report = new Report(options, Instant.now());
        report.loadAt("start");
        JavaSetup jdk17 = new JavaSetup("JDK " + JdkVersion.of(options.jdk17()), options.jdk17(), List.of());
        JavaSetup jdk25 = options.jdk25() == null ? null
                : new JavaSetup("JDK " + JdkVersion.of(options.jdk25()), options.jdk25(), List.of());
        if (options.runs("startup") || options.runs("floor") || options.runs("load")) {
            sharedServerPhases(options, jdk17, jdk25, logs, report);
        } else {
            report.database("none: only comparisons ran (sections 7 and 8), each on servers of its own");
        }

        // after the other phases, whose server is stopped by now: each run of the comparison starts one of its own
        if (options.runs("compare")) {
            compare(options, jdk25 == null ? jdk17 : jdk25, logs, report);
            report.loadAt("after the comparison");
        }
        if (options.runs("tracing")) {
            tracing(options, jdk25 == null ? jdk17 : jdk25, logs, report);
            report.loadAt("after the tracing comparison");
        }
        report.checkTimes(options.checkTimes());
        report.write(options.results());
        Progress.say("report: %s", options.results().resolve("report.md"));
    }

    /** Start-up, the SQL floor and the load: one server (fast settings, or --db-url), a database per phase. */
    private static void sharedServerPhases(BenchOptions options, JavaSetup jdk17, JavaSetup jdk25, Path logs, Report report)
            throws Exception {
        try (PostgresServer server = options.dbUrl() == null ? PostgresServer.embedded(options.work())
                : PostgresServer.external(options.dbUrl(), options.dbUser(), options.dbPassword())) {
            report.database(server.description());

            if (options.runs("startup")) {
            Progress.say("start-up: %s", server.description());
            StartupBench startup = new StartupBench(server, options.work(), PORT, options.quick() ? 2 : 3);
            List<JavaSetup> plain = jdk25 == null ? List.of(jdk17) : List.of(jdk17, jdk25);
            report.startup(startup.measure("bulkhead", options.jar(), plain, jdk25),
                    startup.measure("minimal", options.minimalJar(), plain, jdk25));
            report.loadAt("after start-up");
            }

            if (options.runs("floor") && server.logFile().isPresent()) {
                Progress.say("capturing the SQL of one order");
                int copies = options.quick() ? 12_000 : 30_000; // more than the fastest machine here replays: none may run dry
                OrderCapture.Capture capture = new OrderCapture(server, logs, PORT).capture(jdk17, options.jar(), copies);
                Files.writeString(options.results().resolve("order-statements.sql"), StatementListing.of(capture.order()));
                SqlReplay replay = new SqlReplay(server, capture.jdbcUrl(), capture.order(), capture.template());
                AtomicInteger next = new AtomicInteger();
                List<SqlReplay.Result> floor = new ArrayList<>();
                for (int threads : new int[] { 2, 4, 8, 16 }) {
                    SqlReplay.Result result = replay.run(threads, Duration.ofSeconds(options.quick() ? 3 : 6), capture.copies(), next);
                    floor.add(result);
                    Progress.say("floor with %d threads: %.0f orders/s (%d failures); CPU ms per order: PostgreSQL %.2f, replay client %.2f",
                            threads, result.ordersPerSecond(), result.failures(), result.cpu().postgres(), result.cpu().bench());
                }
                report.floor(capture, floor);
                report.loadAt("after the SQL floor");
            }

            if (options.runs("load")) {
            Progress.say("order flow under load");
            LoadBench.Plan plan = options.quick()
                    ? new LoadBench.Plan(Duration.ofSeconds(10), 100, 15, Duration.ofSeconds(6), Duration.ofSeconds(15),
                            Duration.ofSeconds(4), 5, 1.6, 12, 50, 40) // up to 880 orders/s: the steps stop at the first unsustainable one
                    : new LoadBench.Plan(Duration.ofSeconds(10), 100, 18, Duration.ofSeconds(15), Duration.ofSeconds(30),
                            Duration.ofSeconds(10), 5, 1.5, 14, 50, 100); // up to 970 orders/s
            // --jfr FILE: profile the application under load (JFR is built in), for explaining a miss
            // the RSS is measured as deployed: Native Memory Tracking's own tables and malloc headers would add 10-25 MiB
            // to it, so it runs only on request (-Dbench.nmt=true), for a finer breakdown than jcmd's
            JavaSetup tracked = Boolean.getBoolean("bench.nmt") ? jdk17.withFlag(jdk17.label(), "-XX:NativeMemoryTracking=summary") : jdk17;
            // (Spring's filter and proxy chains are deeper than JFR's default 64 frames: keep whole stacks)
            JavaSetup loaded = options.jfr() == null ? tracked
                    : tracked.withFlag(jdk17.label(), "-XX:FlightRecorderOptions=stackdepth=1024")
                            .withFlag(jdk17.label(), "-XX:StartFlightRecording=settings=profile,filename=" + options.jfr());
            String agent = System.getProperty("bench.app.agent"); // e.g. an async-profiler agentpath, for A/B profiling
            if (agent != null) {
                loaded = loaded.withFlag(jdk17.label(), agent);
            }
            report.load(new LoadBench(server, logs, PORT).run(loaded, options.jar(), plan), plan);
            report.loadAt("after the load");
            }
        }
    }

    /**
     * Issue 20's comparison, on JDK 25 when there is one (the JDK of the measurement), against a fresh durable
     * embedded server per run, or fresh databases on the {@code --db-url} server (whose durability is its own).
     */
    private static void compare(BenchOptions options, JavaSetup java, Path logs, Report report) throws java.sql.SQLException {
        BenchOptions.Comparison comparison = options.comparison();
        Function<String, PostgresServer> servers = options.dbUrl() == null ? name -> PostgresServer.durable(options.work(), name)
                : name -> PostgresServer.external(options.dbUrl(), options.dbUser(), options.dbPassword());
        BaselineComparison.Plan plan = new BaselineComparison.Plan(comparison.rounds(), comparison.warmUp(), comparison.measure(),
                16, Duration.ofMinutes(2));
        Progress.say("compare: %d rounds on %s, warm-up %d s, measurements %d s", plan.rounds(), java.label(),
                plan.warmUp().toSeconds(), plan.measure().toSeconds());
        Instant started = Instant.now();
        String before = MachineInfo.load();
        BaselineComparison.Outcome outcome = new BaselineComparison(servers, logs, PORT).run(plan, java,
                new BaselineComparison.Build("baseline", comparison.baselineVersion(), comparison.baselineJar()),
                new BaselineComparison.Build("current", comparison.currentVersion(), options.jar()));
        report.comparison(outcome, started, "before " + before + ", after " + MachineInfo.load());
    }

    /**
     * Issue 21: the current jar with tracing off and on at the default sampling, in alternating rounds as the comparison
     * with a baseline runs (same plan, same servers, same JDK), so that the cost of tracing is read in one run.
     */
    private static void tracing(BenchOptions options, JavaSetup java, Path logs, Report report) throws java.sql.SQLException {
        BenchOptions.Comparison comparison = options.comparison();
        Function<String, PostgresServer> servers = options.dbUrl() == null ? name -> PostgresServer.durable(options.work(), name)
                : name -> PostgresServer.external(options.dbUrl(), options.dbUser(), options.dbPassword());
        BaselineComparison.Plan plan = new BaselineComparison.Plan(comparison.rounds(), comparison.warmUp(), comparison.measure(),
                16, Duration.ofMinutes(2));
        Progress.say("tracing: %d rounds on %s, warm-up %d s, measurements %d s", plan.rounds(), java.label(),
                plan.warmUp().toSeconds(), plan.measure().toSeconds());
        Instant started = Instant.now();
        String before = MachineInfo.load();
        BaselineComparison.Outcome outcome = new BaselineComparison(servers, logs, PORT).run(plan, java,
                new BaselineComparison.Build("tracing-off", comparison.currentVersion(), options.jar(),
                        List.of("--management.opentelemetry.enabled=false")),
                new BaselineComparison.Build("tracing-on", comparison.currentVersion(), options.jar()));
        report.tracing(outcome, started, "before " + before + ", after " + MachineInfo.load());
    }
}
