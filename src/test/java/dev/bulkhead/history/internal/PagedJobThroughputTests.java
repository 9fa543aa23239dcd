package dev.bulkhead.history.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.billing.BillingApi;
import dev.bulkhead.order.OrderApi;
import dev.bulkhead.order.OrderId;
import dev.bulkhead.order.OrderSummary;
import dev.bulkhead.platform.JobState;
import dev.bulkhead.platform.JobView;
import dev.bulkhead.platform.Jobs;
import dev.bulkhead.platform.PageApplied;
import dev.bulkhead.platform.StatementCount;
import dev.bulkhead.testing.DatabaseInspector;
import dev.bulkhead.testing.IntegrationTest;
import dev.bulkhead.user.UserApi;
import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;

/**
 * A quick throughput probe of the three paged jobs (ADR 0034, "Throughput"): fills the tests' database with
 * {@code -Dbulkhead.bench.orders} orders (a twelfth as many customers) by set-based SQL, then runs the order history's
 * rebuild, its reconciliation and billing's user-copy reconciliation on this thread and prints orders per second and
 * SQL statements per 1,000 orders. Not a test of behaviour and not part of {@code ./mvnw verify}: it runs only when
 * the property is set, e.g.
 * {@code ./mvnw -o -q -pl application -am -Dtest=PagedJobThroughputTests -Dbulkhead.bench.orders=50000
 * -Dsurefire.failIfNoSpecifiedTests=false test}. The tests' PostgreSQL runs without fsync; the volume rehearsal
 * (bench/volume) is the durable measurement.
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "bulkhead.bench.orders", matches = "\\d+")
class PagedJobThroughputTests {

    @Autowired
    DatabaseInspector inspector;

    @Autowired
    Jobs jobs;

    @Autowired
    PageTimes pageTimes;

    @Test
    void measures_the_paged_jobs() throws Exception {
        int orders = Integer.parseInt(System.getProperty("bulkhead.bench.orders"));
        long started = System.nanoTime();
        generate(orders, Math.max(1, orders / 12));
        System.out.printf("[throughput] generated %d orders in %.1f s%n", orders, (System.nanoTime() - started) / 1e9);
        long total = inspector.count("select count(*) from orders.orders");
        for (int i = 0; i < 3; i++) {
            breakDown();
        }
        // the first run warms the JIT and the caches; the second is measured
        for (int round = 0; round < 2; round++) {
            measure("history.rebuild", total, round);
            measure("history.order-history", total, round);
            measure("billing.user-copy", total, round);
        }
    }

    /** @param orders the orders in the database: a job's rate is how many of them it gets through a second */
    @Autowired
    OrderApi orderApi;

    @Autowired
    UserApi userApi;

    @Autowired
    BillingApi billingApi;

    @Autowired
    OrderHistorySource source;

    @Autowired
    OrderHistoryStore store;

    @Autowired
    HistoryTransactions transactions;

    /** Where a rebuild page's time goes: reading the orders, the customers and the charges, and the history's rows. */
    private void breakDown() {
        long[] nanos = new long[5];
        OrderId after = null;
        int pages = 0;
        while (pages < 20) {
            long t0 = System.nanoTime();
            var page = orderApi.findSummariesAfter(after, 1000);
            long t1 = System.nanoTime();
            userApi.findAllById(page.stream().map(OrderSummary::userId).distinct().toList());
            long t2 = System.nanoTime();
            billingApi.findCharges(page.stream().map(order -> order.id().value()).toList());
            long t3 = System.nanoTime();
            var range = source.range(after, 1000);
            long t4 = System.nanoTime();
            transactions.inTransaction(() -> {
                store.differing(range.entries());
                return null;
            });
            long t5 = System.nanoTime();
            nanos[0] += t1 - t0;
            nanos[1] += t2 - t1;
            nanos[2] += t3 - t2;
            nanos[3] += t4 - t3;
            nanos[4] += t5 - t4;
            pages++;
            if (page.size() < 1000) {
                break;
            }
            after = page.get(page.size() - 1).id();
        }
        System.out.printf("[throughput] per page of 1,000: orders %d ms, customers %d ms, charges %d ms, range() (all three) %d ms, history compared %d ms%n",
                nanos[0] / pages / 1_000_000, nanos[1] / pages / 1_000_000, nanos[2] / pages / 1_000_000,
                nanos[3] / pages / 1_000_000, nanos[4] / pages / 1_000_000);
    }

    private void measure(String job, long orders, int round) {
        long statements = StatementCount.onThisThread();
        long javaCpu = javaCpuNanos();
        long postgresCpu = postgresCpuTicks();
        long started = System.nanoTime();
        pageTimes.reset(started);
        JobView view = jobs.runHere(job).orElseThrow();
        double seconds = (System.nanoTime() - started) / 1e9;
        statements = StatementCount.onThisThread() - statements;
        double javaSeconds = (javaCpuNanos() - javaCpu) / 1e9;
        double postgresSeconds = (postgresCpuTicks() - postgresCpu) / (double) CLOCK_TICKS;
        assertThat(view.state()).isEqualTo(JobState.COMPLETED);
        System.out.printf("[throughput] round %d %-22s %7d items in %6.2f s: %7.0f items/s, %7.0f orders/s, %6.1f statements per 1,000 items, "
                        + "%d pages, longest page (read and transaction) %d ms; CPU per 1,000 items: this JVM %.1f ms, PostgreSQL %.1f ms%n",
                round, job, view.done(), seconds, view.done() / seconds, orders / seconds, statements * 1000.0 / Math.max(1, view.done()),
                pageTimes.pages(), pageTimes.longestMillis(), javaSeconds * 1e6 / view.done(), postgresSeconds * 1e6 / view.done());
    }

    /** Linux's USER_HZ, the unit of /proc/[pid]/stat's CPU times: 100 on every common kernel build. */
    private static final int CLOCK_TICKS = 100;

    /** This JVM's CPU time so far, all threads (the application runs in it). */
    private static long javaCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The CPU time (user and system, clock ticks) of every PostgreSQL process on the machine; 0 where /proc is absent. */
    private static long postgresCpuTicks() {
        long ticks = 0;
        try (var processes = Files.list(Path.of("/proc"))) {
            for (var process : processes.filter(path -> path.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String stat = Files.readString(process.resolve("stat"));
                    if (stat.contains("(postgres)")) {
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException noProc) {
            return 0;
        }
        return ticks;
    }

    /** The time from one page's commit to the next one's: what a page costs, reading and writing. */
    @TestConfiguration
    static class PageTimes {

        private long last;
        private long longest;
        private int pages;

        synchronized void reset(long now) {
            last = now;
            longest = 0;
            pages = 0;
        }

        @EventListener
        synchronized void on(PageApplied page) {
            long now = System.nanoTime();
            longest = Math.max(longest, now - last);
            last = now;
            pages++;
        }

        synchronized long longestMillis() {
            return longest / 1_000_000;
        }

        synchronized int pages() {
            return pages;
        }
    }

    private void generate(int orders, int users) throws Exception {
        try (Connection connection = inspector.dataSource().getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("SET synchronous_commit = off");
            sql.execute("SET session_replication_role = replica");
            sql.execute("""
                    CREATE TEMP TABLE bench_users AS
                    SELECT n AS user_no, gen_random_uuid() AS id, 'Customer ' || n AS name,
                           'customer.' || n || '.' || substr(md5(random()::text), 1, 8) || '@example.com' AS email
                    FROM generate_series(1, %d) AS n""".formatted(users));
            sql.execute("""
                    CREATE TEMP TABLE bench_orders AS
                    SELECT gen_random_uuid() AS id, u.id AS user_id, s.status, (100 + floor(random() * 9900))::bigint AS total_minor,
                           now() - random() * interval '60 days' AS placed_at
                    FROM generate_series(1, %d) AS n
                    JOIN bench_users u ON u.user_no = 1 + (n %% %d)
                    CROSS JOIN LATERAL (SELECT CASE WHEN random() < 0.85 THEN 'PAID' ELSE 'PAYMENT_FAILED' END AS status
                                        WHERE n > 0) s""".formatted(orders, users));
            sql.execute("""
                    INSERT INTO users.users (id, email, name, active, registered_at, version)
                    SELECT id, email, name, true, now() - interval '90 days', 0 FROM bench_users""");
            sql.execute("""
                    INSERT INTO billing.accounts (user_id, email, name, active, currency, balance_minor, opened_at, version)
                    SELECT id, email, name, true, 'EUR', 0, now() - interval '90 days', 0 FROM bench_users""");
            sql.execute("""
                    INSERT INTO orders.orders (id, user_id, status, currency, total_minor, placed_at, version)
                    SELECT id, user_id, status, 'EUR', total_minor, placed_at, 1 FROM bench_orders""");
            sql.execute("""
                    INSERT INTO orders.order_lines (order_id, line_no, sku, quantity, unit_price_minor)
                    SELECT id, 0, 'SKU-00001', 1, total_minor FROM bench_orders""");
            sql.execute("""
                    INSERT INTO orders.order_transitions (order_id, seq, from_status, to_status, occurred_at, cause, cause_event_id)
                    SELECT id, 0, NULL, 'PENDING_PAYMENT', placed_at, 'PlaceOrder request', NULL FROM bench_orders
                    UNION ALL
                    SELECT id, 1, 'PENDING_PAYMENT', status, placed_at + interval '70 milliseconds', 'PaymentCompleted', gen_random_uuid()
                    FROM bench_orders""");
            sql.execute("""
                    INSERT INTO billing.payments (id, charge_reference, user_id, amount_minor, currency, status, failure_reason, occurred_at)
                    SELECT gen_random_uuid(), id, user_id, total_minor, 'EUR', CASE status WHEN 'PAID' THEN 'COMPLETED' ELSE 'FAILED' END,
                           CASE status WHEN 'PAID' THEN NULL ELSE 'INSUFFICIENT_FUNDS' END, placed_at + interval '40 milliseconds'
                    FROM bench_orders""");
            sql.execute("""
                    INSERT INTO order_history.customers (user_id, name, email) SELECT id, name, email FROM bench_users
                    ON CONFLICT DO NOTHING""");
            sql.execute("""
                    INSERT INTO order_history.orders (order_id, user_id, status, status_at, currency, total_minor, paid_minor,
                        refunded_minor, failure_reason, placed_at, updated_at)
                    SELECT o.id, o.user_id, o.status, o.placed_at + interval '70 milliseconds', 'EUR', o.total_minor,
                           CASE o.status WHEN 'PAID' THEN o.total_minor ELSE 0 END, 0,
                           CASE o.status WHEN 'PAID' THEN NULL ELSE 'INSUFFICIENT_FUNDS' END, o.placed_at, now()
                    FROM bench_orders o""");
            // a little drift for the reconciliations to repair: one row in a hundred says something stale
            sql.execute("UPDATE order_history.orders SET total_minor = 1 WHERE order_id IN "
                    + "(SELECT id FROM bench_orders WHERE random() < 0.01)");
            sql.execute("UPDATE billing.accounts SET name = 'Stale' WHERE user_id IN (SELECT id FROM bench_users WHERE random() < 0.01)");
            sql.execute("ANALYZE");
        }
    }
}
