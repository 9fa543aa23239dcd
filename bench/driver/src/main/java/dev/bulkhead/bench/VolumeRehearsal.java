package dev.bulkhead.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The volume rehearsal of issue 22 (ADR 0040), run by {@code bench/volume/run}: a durable PostgreSQL of its own, the
 * production jar migrating it, a million generated orders with everything around them, then each large-volume operation
 * (the order history's rebuild, both reconciliations, the pruning) while a customer's listing and dashboard are read,
 * measured for its wall time and rate, what it did to those reads, the locks and transactions it caused in the
 * database, and the application's memory; and every request-path statement explained on the volume. Writes
 * {@code bench/results/volume.md} and {@code volume-plans.md}.
 */
public final class VolumeRehearsal {

    private static final int PORT = 18_090;

    static final List<String> OPERATIONS = List.of("history.rebuild", "history.rebuild-again", "history.order-history",
            "billing.user-copy", "pruning");

    /** Where in the logs the application's web server writes a line for each request ({@link ServerLatency}). */
    private static final String ACCESS_LOG = "access";

    /** In a kept volume's data directory: written once the volume is generated, so that a run that finds it measures at once. */
    private static final String GENERATED = "bulkhead-volume-generated";

    record Options(Path jar, Path javaHome, Path work, Path results, Path generator, Path queries, Path analysis,
            Path secondTableCopy, int orders, int users, int days, int publicationDays, Duration baseline, Duration longest, Duration readInterval,
            Duration pauseBetweenPages, Duration warmUp, Path keepVolume, Set<String> operations, String orderIds,
            List<String> appProperties, Integer lastRebuiltDaysAgo, String version, String command) {

        /** Whether the run measures this operation ({@code --operations}: all of them unless it names some). */
        boolean measures(String operation) {
            return operations.contains(operation);
        }

        static Options parse(String[] args) {
            Map<String, String> given = new LinkedHashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                given.put(args[i].replaceFirst("^--", ""), args[i + 1]);
            }
            int orders = Integer.parseInt(given.getOrDefault("orders", "1000000"));
            return new Options(Path.of(given.get("jar")), Path.of(given.get("java-home")), Path.of(given.get("work")),
                    Path.of(given.get("results")), Path.of(given.get("generator")), Path.of(given.get("queries")),
                    Path.of(given.get("analysis")), Path.of(given.get("second-table-copy")), orders,
                    Integer.parseInt(given.getOrDefault("users", String.valueOf(Math.max(10, orders / 12)))),
                    Integer.parseInt(given.getOrDefault("days", "60")), Integer.parseInt(given.getOrDefault("publication-days", "14")),
                    Duration.ofSeconds(Long.parseLong(given.getOrDefault("baseline-seconds", "40"))),
                    Duration.ofMinutes(Long.parseLong(given.getOrDefault("max-operation-minutes", "8"))),
                    Duration.ofMillis(Long.parseLong(given.getOrDefault("read-interval-ms", "20"))),
                    // null: the application's own default
                    given.containsKey("pause-between-pages-ms") ? Duration.ofMillis(Long.parseLong(given.get("pause-between-pages-ms"))) : null,
                    Duration.ofSeconds(Long.parseLong(given.getOrDefault("warm-up-seconds", "75"))),
                    given.containsKey("keep-volume") ? Path.of(given.get("keep-volume")) : null,
                    Set.of(given.getOrDefault("operations", String.join(",", OPERATIONS)).split(",")),
                    given.getOrDefault("order-ids", "time-ordered"),
                    // more of the application's settings, for experiments: "bulkhead.jobs.read-ahead=false,…"
                    Arrays.stream(given.getOrDefault("app-properties", "").split(",")).filter(p -> !p.isBlank())
                            .map(p -> "--" + p.strip()).toList(),
                    // null: the table a rebuild fills holds every order, as the projection and db/history V10 keep it
                    given.containsKey("last-rebuilt-days-ago") ? Integer.valueOf(given.get("last-rebuilt-days-ago")) : null,
                    given.getOrDefault("version", "unknown"), given.getOrDefault("command", "bench/volume/run"));
        }
    }

    /** One measured operation: the work, the reads meanwhile, the database's view and the memory in that phase. */
    record Measured(AdminJobs.Run run, long items, String unit, ReadLoad.Result reads, DatabaseActivity.Phase activity,
            List<LockWaitLog.Wait> loggedWaits, double maxRssMib) {

        /** Items per second: all of them when it completed, what it reported done when it was stopped. */
        double perSecond() {
            return (run.unfinished() ? Math.max(0, run.done()) : items) / run.seconds();
        }

        /** The pruning has no 20,000/s target: its rate is reported, not judged. */
        boolean judged() {
            return !run.name().equals("pruning");
        }

        String rate() {
            if (!run.ran() || !run.unfinished() && !run.state().equals("COMPLETED")) {
                return "–"; // refused, not available, or failed: no rate to speak of
            }
            if (run.unfinished() && run.done() < 0) {
                return String.format("< %,.0f %s/s (did not finish %,d in %.0f s)", items / run.seconds(), unit, items, run.seconds());
            }
            return String.format("%,.0f %s/s", perSecond(), unit);
        }
    }

    private VolumeRehearsal() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Files.createDirectories(options.results());
        Path logs = Files.createDirectories(options.work().resolve("logs"));
        VolumeReport report = new VolumeReport(options);
        report.loadAt("start");
        JavaSetup java = new JavaSetup("JDK " + JdkVersion.of(options.javaHome()), options.javaHome(),
                JavaSetup.extraFlagsFromProperty());
        List<String> appArguments = new ArrayList<>(List.of(
                // the scheduled reconciliation and pruning would start by themselves in the middle of a measurement; the
                // rehearsal starts each itself (a build without retention ignores the second property)
                "--bulkhead.reconciliation.interval=1d", "--bulkhead.retention.interval=1d"));
        appArguments.addAll(ServerLatency.appArguments(logs.resolve(ACCESS_LOG)));
        // the paged jobs' rest after each page (ADR 0034, ADR 0042 fourth amendment): the application's own default
        // unless the run asks for another
        if (options.pauseBetweenPages() != null) {
            appArguments.add("--bulkhead.jobs.pause-between-pages=" + options.pauseBetweenPages().toMillis() + "ms");
        }
        appArguments.addAll(options.appProperties());
        boolean kept = options.keepVolume() != null && Files.exists(options.keepVolume().resolve(GENERATED));
        try (PostgresServer server = options.keepVolume() == null ? PostgresServer.durable(options.work(), "volume")
                : PostgresServer.durableIn(options.keepVolume(), options.work(), "volume")) {
            report.database(server.description());
            String url;
            if (kept) {
                url = server.databaseUrl("volume");
                Progress.say("measuring the volume kept in %s (not generated again, its plans not explained again)",
                        options.keepVolume());
                try (Connection connection = server.connect(url)) {
                    asGenerated(connection);
                }
            } else {
                url = generated(options, java, server, appArguments, logs, report);
            }
            try (Connection connection = server.connect(url)) {
                if (options.lastRebuiltDaysAgo() != null) {
                    lastRebuilt(connection, options.lastRebuiltDaysAgo());
                } else {
                    report.secondTable(copiedAsDeployed(connection, options.secondTableCopy()));
                }
            }
            measure(options, java, server, url, appArguments, logs, report);
        }
        report.write(options.results());
        Progress.say("report: %s", options.results().resolve("volume.md"));
    }

    /** A new database, migrated by the application and filled by the generator, its plans explained: its URL. */
    private static String generated(Options options, JavaSetup java, PostgresServer server, List<String> appArguments,
            Path logs, VolumeReport report) throws Exception {
        String url = server.newDatabase("volume");
        try (Connection admin = server.connect(url); Statement settings = admin.createStatement()) {
            // every lock wait over 100 ms is logged with its statement, and when it ended
            settings.execute("ALTER SYSTEM SET log_lock_waits = on");
            settings.execute("ALTER SYSTEM SET deadlock_timeout = '100ms'");
            settings.execute("SELECT pg_reload_conf()");
        }

        Progress.say("migrating: starting the application once on the empty database");
        try (JarProcess migrate = JarProcess.start(java.command(options.jar(), List.of()), PORT, url, server, appArguments,
                logs.resolve("volume-migrate.log"))) {
            migrate.awaitReady(Duration.ofMinutes(3));
        }

        Progress.say("generating %,d orders of %,d customers over %d days", options.orders(), options.users(), options.days());
        long generating = System.nanoTime();
        Map<String, Double> steps;
        try (Connection connection = server.connect(url)) {
            steps = VolumeScript.read(options.generator(), Map.of("orders", options.orders(), "users", options.users(),
                    "days", options.days(), "publication_days", options.publicationDays(), "trigger_mode", "replica", "order_ids", options.orderIds()))
                    .run(connection);
        }
        double generated = (System.nanoTime() - generating) / 1e9;
        long vacuuming = System.nanoTime();
        try (Connection connection = server.connect(url); Statement statement = connection.createStatement()) {
            statement.execute("VACUUM (ANALYZE)"); // as autovacuum would have left tables that lived for months
        }
        double vacuumed = (System.nanoTime() - vacuuming) / 1e9;
        Progress.say("generated in %.0f s, vacuumed and analysed in %.0f s", generated, vacuumed);
        try (Connection connection = server.connect(url)) {
            report.volume(steps, generated, vacuumed, tableSizes(connection), databaseSize(connection));
            Progress.say("explaining the request-path statements on the volume");
            RequestPathPlans plans = new RequestPathPlans(options.queries());
            report.plans(plans.explainAll(connection), plans.largeTables());
        }
        report.loadAt("after generating");
        if (options.keepVolume() != null) {
            Files.writeString(options.keepVolume().resolve(GENERATED), options.orders() + " orders\n");
        }
        return url;
    }

    /**
     * The application under test, restartable: a synchronous operation that outlives its time is abandoned with the
     * process that runs it (its transaction rolls back), so that the next operation does not compete with it.
     */
    private static final class App implements AutoCloseable {

        private final JavaSetup java;
        private final Options options;
        private final PostgresServer server;
        private final String url;
        private final List<String> arguments;
        private final Path logs;
        private final Map<String, MemorySampler.Phase> memoryPhases = new LinkedHashMap<>();
        private JarProcess process;
        private MemorySampler memory;
        private double peakRss;
        private int starts;

        App(JavaSetup java, Options options, PostgresServer server, String url, List<String> arguments, Path logs) {
            this.java = java;
            this.options = options;
            this.server = server;
            this.url = url;
            this.arguments = arguments;
            this.logs = logs;
        }

        double start() {
            starts++;
            // each collection's pause with its wall-clock time, to set beside the requests' trace (logs/requests-*.tsv);
            // written by a thread of its own (-Xlog:async), so that a disk busy with a checkpoint cannot stretch a pause
            String gcLog = "-Xlog:gc:file=" + logs.resolve("volume-app-" + starts + "-gc.log") + ":time,uptime";
            process = JarProcess.start(java.command(options.jar(), List.of("-Xlog:async", gcLog)), PORT, url, server, arguments,
                    logs.resolve("volume-app-" + starts + ".log"));
            memory = new MemorySampler(process.pid());
            return process.awaitReady(Duration.ofMinutes(5));
        }

        void phase(String name) {
            memory.phase(name);
        }

        String baseUrl() {
            return process.baseUrl();
        }

        Path logs() {
            return logs;
        }

        void restart(BulkheadClient client) {
            stop();
            Progress.say("restarting the application: %.1f s", start());
            client.forgetTokens(); // the new process signs with a secret of its own
        }

        Map<String, MemorySampler.Phase> memoryPhases() {
            if (memory != null) {
                merge(memory.phases());
            }
            return memoryPhases;
        }

        /** Phases of every instance, each with the highest RSS any instance reached in it. */
        private void merge(Map<String, MemorySampler.Phase> phases) {
            phases.forEach((name, phase) -> memoryPhases.merge(name, phase,
                    (before, now) -> before.maxRssMib() >= now.maxRssMib() ? before : now));
        }

        double peakRss() {
            return process == null ? peakRss : Math.max(peakRss, process.peakRssMib());
        }

        private void stop() {
            peakRss = Math.max(peakRss, process.peakRssMib());
            memory.close();
            merge(memory.phases());
            process.close();
        }

        @Override
        public void close() {
            if (process != null) {
                stop();
            }
        }
    }

    private static void measure(Options options, JavaSetup java, PostgresServer server, String url, List<String> appArguments,
            Path logs, VolumeReport report) throws Exception {
        try (App app = new App(java, options, server, url, appArguments, logs);
                Connection watcher = server.connect(url);
                DatabaseActivity activity = new DatabaseActivity(watcher)) {
            double ready = app.start();
            Progress.say("application ready in %.1f s on the volume", ready);
            report.startedIn(ready);
            BulkheadClient client = new BulkheadClient(app.baseUrl());
            List<UUID> customers;
            long orders;
            long accounts;
            try (Connection connection = server.connect(url); Statement statement = connection.createStatement()) {
                customers = customersWithOrders(statement);
                orders = count(statement, "SELECT count(*) FROM orders.orders");
                accounts = count(statement, "SELECT count(*) FROM billing.accounts");
            }
            ReadLoad reads = new ReadLoad(client, ServerLatency.in(logs.resolve(ACCESS_LOG)), customers, options.readInterval());

            // warm-up: the JIT compiles the read paths before anything is measured (a build before the retention also ran
            // Modulith's hourly purge of completed publications one minute after start-up, inside the warm-up)
            app.phase("warm-up");
            activity.phase("warm-up");
            // closed loop: at the paced rate a method called once a request needs minutes to reach the compiler's
            // thresholds, and the compiler then competes with the measurements for the two cores
            ReadLoad.Running warm = reads.closedLoop().start();
            OperatorWarmUp operator = OperatorWarmUp.start(client, List.of("history.rebuild", "history.order-history"));
            Pause.millis(options.warmUp().toMillis());
            int operatorRequests = operator.stop();
            warm.stop();
            Progress.say("warm-up: %d of the operator's requests beside the reads", operatorRequests);

            app.phase("baseline");
            activity.phase("baseline");
            Progress.say("baseline: listing and dashboard alone for %d s", options.baseline().toSeconds());
            ReadLoad.Running quiet = reads.start();
            Pause.millis(options.baseline().toMillis());
            ReadLoad.Result baseline = quiet.stop();
            baseline.writeTrace(logs.resolve("requests-baseline.tsv"));
            activity.phase("after baseline");
            activity.phases().get("baseline").writeTrace(logs.resolve("activity-baseline.tsv"));
            report.baseline(baseline, activity.phases().get("baseline"));
            Progress.say("baseline: listing p50 %.1f p99 %.1f ms (%.1f ms in the application), dashboard p50 %.1f p99 %.1f ms (%.1f ms)",
                    baseline.listing().p50(), baseline.listing().p99(), baseline.serverListingP99(), baseline.dashboard().p50(),
                    baseline.dashboard().p99(), baseline.serverDashboardP99());
            Progress.say("baseline: the application's active statements were seen waiting on: %n  %s",
                    String.join("\n  ", activity.phases().get("baseline").commonestWaits(8)));

            AdminJobs jobs = new AdminJobs(client, options.longest());
            List<Measured> measured = new ArrayList<>();
            if (options.measures("history.rebuild")) {
                measured.add(during("history.rebuild", orders, "orders", reads, app, activity, server, client,
                        () -> jobs.job("history.rebuild", "/v1/admin/read-models/order-history/rebuild")));
            }
            if (options.measures("history.rebuild-again")) {
                // it fills the table the first one left readers on, which the projection kept writing (ADR 0044): each
                // of its rows is an update of a row already there, like the first's unless --last-rebuilt-days-ago
                measured.add(during("history.rebuild-again", orders, "orders", reads, app, activity, server, client,
                        () -> named("history.rebuild-again",
                                jobs.job("history.rebuild", "/v1/admin/read-models/order-history/rebuild"))));
            }
            boolean apart = true;
            if (options.measures("history.order-history")) {
                Measured reconciliation = during("history.order-history", orders, "orders", reads, app, activity, server, client,
                        () -> jobs.job("history.order-history", "/v1/admin/reconciliations"));
                measured.add(reconciliation);
                // the older endpoint ran both reconciliations at once: only a build with paged jobs has them apart
                apart = !reconciliation.run().how().contains("synchronous");
            }
            if (apart && options.measures("billing.user-copy")) {
                measured.add(during("billing.user-copy", accounts, "accounts", reads, app, activity, server, client,
                        () -> repeatedFor(SHORTEST_MEASURED, () -> jobs.job("billing.user-copy", null))));
            }
            if (options.measures("pruning")) {
                measured.add(pruning(reads, app, activity, server, client, url, jobs, report));
            }
            report.jobs(measured, baseline);
            report.gcPauses(GcPauses.in(logs));
            report.memory(app.peakRss(), app.memoryPhases());
            DatabaseActivity.Phase warmUp = activity.phases().get("warm-up");
            report.warmUp(warmUp, waitsIn(server, warmUp));
            report.loadAt("at the end");
        }
    }

    private static Measured pruning(ReadLoad reads, App app, DatabaseActivity activity, PostgresServer server,
            BulkheadClient client, String url, AdminJobs jobs, VolumeReport report) throws SQLException {
        long bookkeeping;
        try (Connection connection = server.connect(url); Statement statement = connection.createStatement()) {
            bookkeeping = count(statement, BOOKKEEPING_ROWS);
        }
        Measured pruning = during("pruning", bookkeeping, "bookkeeping rows examined", reads, app, activity, server, client,
                () -> jobs.synchronous("pruning", "/v1/admin/retention", "POST /v1/admin/retention (synchronous)"));
        long left;
        try (Connection connection = server.connect(url); Statement statement = connection.createStatement()) {
            left = count(statement, BOOKKEEPING_ROWS);
        }
        report.afterPruning(left, bookkeeping);
        // its rate is of the rows it deleted, counted in the database (also when it was cut short: batches commit)
        AdminJobs.Run run = pruning.run();
        return new Measured(new AdminJobs.Run(run.name(), run.how(), run.seconds(), run.state(), run.finalAnswer(),
                run.progress(), bookkeeping - left, run.unfinished()), bookkeeping - left, "rows pruned", pruning.reads(),
                pruning.activity(), pruning.loggedWaits(), pruning.maxRssMib());
    }

    /**
     * A kept volume as the generator left it, whatever earlier runs on it did: readers on the first table, the second
     * one empty, no job checkpoint. Bookkeeping rows an earlier run pruned stay pruned.
     */
    private static void asGenerated(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("UPDATE order_history.read_model_tables SET active = 'orders', building = NULL");
            statement.execute("TRUNCATE order_history.orders_alternate");
            statement.execute("DELETE FROM order_history.job_checkpoints");
            statement.execute("DELETE FROM billing.job_checkpoints");
            statement.execute("VACUUM (ANALYZE) order_history.orders, order_history.orders_alternate");
        }
    }

    /**
     * The table a rebuild fills as a deployment of this version has it: the generator writes the model into the table
     * readers read, as events would have, and the migration that made the projection write both tables (db/history
     * V10, ADR 0044) copies it into the other one once, at a deploy. That copy is run here as the migration's own
     * statements, and timed: it is what the deploy pays.
     */
    private static VolumeReport.SecondTableCopy copiedAsDeployed(Connection connection, Path migration) throws Exception {
        String statements = Files.readString(migration);
        Progress.say("copying the read model into the table a rebuild fills, as %s does at a deploy", migration.getFileName());
        try (Statement statement = connection.createStatement()) {
            long walBefore = walPosition(statement);
            long copying = System.nanoTime();
            statement.execute("SET search_path TO order_history"); // as Flyway runs the module's migrations
            statement.execute(statements);
            statement.execute("RESET search_path");
            double seconds = (System.nanoTime() - copying) / 1e9;
            long walBytes = walPosition(statement) - walBefore;
            long rows = count(statement, "SELECT count(*) FROM order_history.orders_alternate");
            statement.execute("VACUUM (ANALYZE) order_history.orders_alternate");
            statement.execute("CHECKPOINT"); // the copy's writes are the deploy's to flush, not the first rebuild's
            Progress.say("copied %,d orders in %.1f s", rows, seconds);
            return new VolumeReport.SecondTableCopy(migration.getFileName().toString(), rows, seconds, walBytes);
        }
    }

    private static long walPosition(Statement statement) throws SQLException {
        return count(statement, "SELECT pg_current_wal_lsn() - '0/0'::pg_lsn");
    }

    /**
     * The table a rebuild fills as a rebuild {@code days} before the newest order left it before db/history V10
     * ({@code --last-rebuilt-days-ago}; a number above the volume's days leaves it empty, as a first rebuild found it):
     * a rebuild filled the table the model before the last one was read from, which then stopped receiving the
     * projection's writes, so it held the orders placed before that rebuild and missed those placed since (ADR 0043,
     * amendment of 2026-12-06). Since ADR 0044 the projection writes both tables and no deployment has that table so;
     * the option measures what the change saved. The rows copied carry today's values: an order whose status changed
     * since would, in a real table, also move its index entries, so this is a slightly kind model of that rebuild.
     */
    private static void lastRebuilt(Connection connection, int days) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            int copied = statement.executeUpdate("""
                    INSERT INTO order_history.orders_alternate (order_id, user_id, customer_name, customer_email, status,
                        status_at, currency, total_minor, paid_minor, refunded_minor, failure_reason, placed_at, updated_at)
                    SELECT order_id, user_id, customer_name, customer_email, status, status_at, currency, total_minor,
                        paid_minor, refunded_minor, failure_reason, placed_at, updated_at
                    FROM order_history.orders
                    WHERE placed_at < (SELECT max(placed_at) FROM order_history.orders) - make_interval(days => %d)"""
                    .formatted(days));
            statement.execute("VACUUM (ANALYZE) order_history.orders_alternate");
            statement.execute("CHECKPOINT"); // the copy's writes are not the rebuild's to flush
            Progress.say("the table a rebuild fills holds the %,d orders placed more than %d days before the newest, "
                    + "as a rebuild then left it", copied, days);
        }
    }

    private static final String BOOKKEEPING_ROWS = """
            SELECT (SELECT count(*) FROM billing.applied_events) + (SELECT count(*) FROM orders.applied_events)
                 + (SELECT count(*) FROM order_history.applied_events) + (SELECT count(*) FROM billing.idempotency_keys)
                 + (SELECT count(*) FROM orders.idempotency_keys) + (SELECT count(*) FROM events.event_publication)
                 + (SELECT count(*) FROM events.publication_failures) + (SELECT count(*) FROM events.received_messages)""";

    private interface Work {
        AdminJobs.Run run();
    }

    /**
     * A job done sooner than this gives its reads' p99 from a few dozen reads a client, its slowest one or two: the users
     * copy of a million orders' customers takes 0.5-1.5 s, some 75 reads, whose p99 fell on the job's first or last
     * moments (ADR 0040, tenth amendment). Such a job runs again, back to back, until its runs add up to this long.
     */
    private static final Duration SHORTEST_MEASURED = Duration.ofSeconds(10);

    /**
     * The job run once, and again while its completed runs add up to less than {@code total}: one run as the report
     * shows it, with a run's mean time (so that the rate is a run's), the first run's progress, the last one's answer.
     */
    private static AdminJobs.Run repeatedFor(Duration total, Work once) {
        List<AdminJobs.Run> runs = new ArrayList<>();
        double seconds = 0;
        AdminJobs.Run last;
        do {
            last = once.run();
            runs.add(last);
            seconds += last.seconds();
        } while (last.state().equals("COMPLETED") && !last.unfinished() && seconds < total.toSeconds());
        AdminJobs.Run first = runs.get(0);
        if (runs.size() == 1) {
            return first;
        }
        return new AdminJobs.Run(first.name(), String.format("%s; %d runs back to back (%.1f s in all), the reads over all of "
                        + "them; wall and rate: a run's mean", first.how(), runs.size(), seconds), seconds / runs.size(),
                last.state(), last.finalAnswer(), first.progress(), last.done(), last.unfinished());
    }

    /** The same run under the name of the phase that measured it. */
    private static AdminJobs.Run named(String name, AdminJobs.Run run) {
        return new AdminJobs.Run(name, run.how(), run.seconds(), run.state(), run.finalAnswer(), run.progress(), run.done(),
                run.unfinished());
    }

    private static Measured during(String name, long items, String unit, ReadLoad reads, App app, DatabaseActivity activity,
            PostgresServer server, BulkheadClient client, Work work) {
        Pause.millis(3_000); // what the previous phase left (deliveries, vacuum) settles
        Progress.say("%s: starting, with the listing and the dashboard read meanwhile", name);
        app.phase(name);
        activity.phase(name);
        ReadLoad.Running load = reads.start();
        AdminJobs.Run run = work.run();
        ReadLoad.Result result = load.stop();
        result.writeTrace(app.logs().resolve("requests-" + name + ".tsv"));
        activity.phase("after " + name);
        DatabaseActivity.Phase phase = activity.phases().get(name);
        phase.writeTrace(app.logs().resolve("activity-" + name + ".tsv"));
        MemorySampler.Phase memory = app.memoryPhases().get(name);
        Measured measured = new Measured(run, items, unit, result, phase, waitsIn(server, phase),
                memory == null ? Double.NaN : memory.maxRssMib());
        Progress.say("%s: %s in %.1f s (%s); listing p99 %.1f ms (%.1f ms in the application), dashboard p99 %.1f ms (%.1f ms); "
                + "longest lock wait %.0f ms, longest transaction %.0f ms", name, run.state(), run.seconds(), measured.rate(),
                result.listing().p99(), result.serverListingP99(), result.dashboard().p99(), result.serverDashboardP99(), phase.longestLockWaitMs, phase.longestTransactionMs);
        Progress.say("%s: the server's counters grew by %s; the application's active statements were seen waiting on: %n  %s", name,
                phase.counterGrowth(), String.join("\n  ", phase.commonestWaits(15)));
        if (run.unfinished() && run.done() < 0) {
            app.restart(client); // a synchronous request still working would compete with the next operation
            app.phase("warm-up after the restart");
            activity.phase("warm-up after the restart of " + name);
            ReadLoad.Running warm = reads.closedLoop().start(); // the new JVM compiles the read paths again before the next phase
            Pause.millis(45_000);
            warm.stop();
        }
        return measured;
    }

    private static List<LockWaitLog.Wait> waitsIn(PostgresServer server, DatabaseActivity.Phase phase) {
        Instant end = phase.end == null ? Instant.now() : phase.end;
        return server.logFile().map(LockWaitLog::read).orElse(List.of()).stream()
                .filter(wait -> !wait.at().isBefore(phase.start) && !wait.at().isAfter(end.plusSeconds(1)))
                .toList();
    }

    /**
     * Customers with orders, for the reads: a thousand of them, spread over the whole table. A small volume's 1 %
     * sample of pages may hold none (the reads would then measure nothing): it is read whole instead.
     */
    private static List<UUID> customersWithOrders(Statement statement) throws SQLException {
        List<UUID> customers = customers(statement,
                "SELECT user_id FROM (SELECT DISTINCT user_id FROM orders.orders TABLESAMPLE SYSTEM (1)) sample LIMIT 1000");
        return customers.size() >= 100 ? customers : customers(statement, "SELECT DISTINCT user_id FROM orders.orders LIMIT 1000");
    }

    private static List<UUID> customers(Statement statement, String sql) throws SQLException {
        List<UUID> customers = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                customers.add(rows.getObject(1, UUID.class));
            }
        }
        return customers;
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Rows and size on disk (with indexes and TOAST) of every table of the modules' schemas, largest first. */
    private static List<String[]> tableSizes(Connection connection) throws SQLException {
        List<String[]> sizes = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("""
                SELECT n.nspname || '.' || c.relname, c.reltuples::bigint, pg_size_pretty(pg_total_relation_size(c.oid)),
                       pg_size_pretty(pg_indexes_size(c.oid))
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind = 'r' AND n.nspname IN ('users', 'billing', 'orders', 'order_history', 'events')
                  AND c.relname NOT LIKE 'flyway%'
                ORDER BY pg_total_relation_size(c.oid) DESC""")) {
            while (rows.next()) {
                sizes.add(new String[] { rows.getString(1), String.format("%,d", rows.getLong(2)), rows.getString(3), rows.getString(4) });
            }
        }
        return sizes;
    }

    private static String databaseSize(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT pg_size_pretty(pg_database_size(current_database()))")) {
            row.next();
            return row.getString(1);
        }
    }
}
