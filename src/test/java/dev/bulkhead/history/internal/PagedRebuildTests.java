package dev.bulkhead.history.internal;

import static dev.bulkhead.testing.HttpClient.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.history.OrderHistoryEntry;
import dev.bulkhead.kernel.Money;
import dev.bulkhead.order.OrderId;
import dev.bulkhead.order.OrderStatus;
import dev.bulkhead.platform.PageApplied;
import dev.bulkhead.platform.PagedJob;
import dev.bulkhead.platform.TableRows;
import dev.bulkhead.platform.Jobs;
import dev.bulkhead.testing.DatabaseInspector;
import dev.bulkhead.testing.HttpClient;
import dev.bulkhead.testing.IntegrationTest;
import dev.bulkhead.user.UserId;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The order history's rebuild and reconciliation run as paged jobs (ADR 0034), three orders a page here so that a few
 * orders make many pages, each written two orders a statement (ADR 0042) so that each page has parts: a page that fails is redone and no committed page is applied again; a job runs once across
 * instances; an operator can stop the rebuild and start it again; readers see the old model until the swap and the
 * whole new one after, with the events delivered meanwhile.
 */
@IntegrationTest
@TestPropertySource(properties = { "bulkhead.jobs.page-size=3", "bulkhead.jobs.rows-per-statement=2",
        "bulkhead.jobs.resume-check-interval=1s" })
class PagedRebuildTests {

    static final String REBUILD = "history.rebuild";
    static final String RECONCILIATION = "history.order-history";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    DatabaseInspector inspector;

    @Autowired
    Jobs jobs;

    @Autowired
    Gate gate;

    @Autowired
    OrderHistoryRebuild rebuild;

    @Autowired
    OrderHistoryReconciliation reconciliation;

    @Autowired
    OrderHistoryStore store;

    @Autowired
    HistoryTransactions transactions;

    @Autowired
    ReadModelTables tables;

    @Autowired
    JdbcClient jdbc;

    HttpClient http;

    @BeforeEach
    void setUp() {
        http = new HttpClient(mvc);
        http.runJob(REBUILD); // from a completed run, whatever other tests left
    }

    @Test
    void a_page_that_fails_is_redone_on_the_next_start_and_no_committed_page_is_applied_again() throws Exception {
        UUID customer = http.registerCustomer("Paged Crash");
        List<String> mine = settledOrders(customer, 7);
        String building = inactiveTable();
        String failing = mine.get(3);
        try {
            inspector.sql("""
                    CREATE TABLE public.rebuild_faults (order_id uuid PRIMARY KEY);
                    CREATE TABLE public.rebuild_applications (order_id uuid NOT NULL);
                    CREATE FUNCTION public.count_or_fail() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
                    BEGIN
                      IF EXISTS (SELECT 1 FROM public.rebuild_faults f WHERE f.order_id = NEW.order_id) THEN
                        RAISE EXCEPTION 'injected fault at order %%', NEW.order_id;
                      END IF;
                      INSERT INTO public.rebuild_applications (order_id) VALUES (NEW.order_id);
                      RETURN NEW;
                    END $$;
                    CREATE TRIGGER count_or_fail BEFORE INSERT ON order_history.%s FOR EACH ROW EXECUTE FUNCTION public.count_or_fail();
                    """.formatted(building)).update();
            inspector.sql("INSERT INTO public.rebuild_faults VALUES (?::uuid)").param(failing).update();

            MvcTestResult failed = http.runJob(REBUILD);

            assertThat(HttpClient.<String>read(failed, "$.state")).isEqualTo("FAILED");
            assertThat(HttpClient.<String>read(failed, "$.lastError")).contains("injected fault at order " + failing);
            // the checkpoint stands before the failing order's page, the customers done: at the orders' start, or after an
            // order below it
            String cursor = checkpointCursor(REBUILD);
            assertThat(cursor).startsWith("fill:");
            if (!cursor.equals("fill:")) {
                assertThat(inspector.count("select count(*) where ?::uuid < ?::uuid", cursor.substring("fill:".length()), failing))
                        .isEqualTo(1);
            }
            assertThat(applications(failing)).isZero();
            for (String order : mine) {
                assertThat(applications(order)).as("order %s applied by the committed pages", order).isLessThanOrEqualTo(1);
            }
            // readers still read the old model: the failure showed them nothing of the new one
            assertThat(activeTable()).isNotEqualTo(building);

            inspector.sql("DELETE FROM public.rebuild_faults").update();
            MvcTestResult completed = http.runJob(REBUILD);

            assertThat(HttpClient.<String>read(completed, "$.state")).isEqualTo("COMPLETED");
            for (String order : mine) {
                assertThat(applications(order)).as("order %s applied once in all", order).isEqualTo(1);
            }
            // counted once each across the failure and the resume
            assertThat(HttpClient.<Number>read(completed, "$.done").longValue())
                    .isEqualTo(inspector.count("select count(*) from users.users") + inspector.count("select count(*) from orders.orders"));
            assertThat(activeTable()).isEqualTo(building);
            assertThat(HttpClient.<List<String>>read(history(customer), "$[*].status")).hasSize(mine.size()).containsOnly("PAID");
        } finally {
            inspector.sql("""
                    DROP TRIGGER IF EXISTS count_or_fail ON order_history.%s;
                    DROP FUNCTION IF EXISTS public.count_or_fail();
                    DROP TABLE IF EXISTS public.rebuild_faults;
                    DROP TABLE IF EXISTS public.rebuild_applications;
                    """.formatted(building)).update();
        }
    }

    @Test
    void a_stopped_rebuild_leaves_readers_on_the_old_model_resumes_on_start_and_keeps_events_delivered_meanwhile() {
        UUID unchanged = http.registerCustomer("Kept Total");
        UUID cancelling = http.registerCustomer("Cancels Midway");
        settledOrders(unchanged, 2);
        List<String> cancellingOrders = settledOrders(cancelling, 2);
        String oldTable = activeTable();
        // drift in the old model, which the rebuild repairs: while readers see it, they read the old model
        inspector.sql("UPDATE order_history." + oldTable + " SET total_minor = 1 WHERE user_id = ?").param(unchanged).update();
        String first = cancellingOrders.stream().min(Comparator.naturalOrder()).orElseThrow();
        gate.holdAfter(page -> page.job().equals(REBUILD) && page.cursor() != null && page.cursor().startsWith("fill:")
                && page.cursor().length() > "fill:".length() && page.cursor().substring("fill:".length()).compareTo(first) >= 0);

        MvcTestResult started = http.post("/v1/admin/jobs/" + REBUILD, "");

        assertThat(started).hasStatus(HttpStatus.ACCEPTED).bodyJson().extractingPath("$.state").isEqualTo("RUNNING");
        gate.awaitHeld();
        try {
            // progress while it runs
            MvcTestResult progress = http.get("/v1/admin/jobs/" + REBUILD);
            assertThat(HttpClient.<String>read(progress, "$.state")).isEqualTo("RUNNING");
            assertThat(HttpClient.<Number>read(progress, "$.done").longValue()).isPositive();
            assertThat(HttpClient.<Number>read(progress, "$.total").longValue()).isPositive();
            assertThat(HttpClient.<Number>read(progress, "$.ratePerSecond").doubleValue()).isPositive();
            assertThat(HttpClient.<String>read(progress, "$.eta")).startsWith("PT");
            assertThat(HttpClient.<List<String>>read(http.get("/v1/admin/jobs"), "$[*].name"))
                    .contains(REBUILD, RECONCILIATION, "billing.user-copy");

            // readers between two pages: the old model, whole
            assertThat(HttpClient.<List<Integer>>read(history(unchanged), "$[*].total.minorUnits")).hasSize(2).containsOnly(1);

            // a second start, here or by the schedule, runs nothing
            assertThat(http.post("/v1/admin/jobs/" + REBUILD, "")).hasStatus(HttpStatus.CONFLICT);
            assertThat(jobs.runHere(REBUILD)).isEmpty();

            // events delivered now, to an order whose page is already in the table being built
            http.post("/v1/orders/" + first + "/cancel", "");
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> HttpClient.<List<String>>read(history(cancelling),
                    "$[?(@.orderId == '" + first + "')].status").equals(List.of("REFUNDED")));

            assertThat(http.post("/v1/admin/jobs/" + REBUILD + "/stop", "")).hasStatus(HttpStatus.ACCEPTED).bodyJson()
                    .extractingPath("$.state").isEqualTo("STOPPING");
        } finally {
            gate.release();
        }

        MvcTestResult stopped = http.awaitJobEnd(REBUILD);

        assertThat(HttpClient.<String>read(stopped, "$.state")).isEqualTo("STOPPED");
        assertThat(activeTable()).isEqualTo(oldTable);
        assertThat(HttpClient.<List<Integer>>read(history(unchanged), "$[*].total.minorUnits")).containsOnly(1);
        long doneWhenStopped = HttpClient.<Number>read(stopped, "$.done").longValue();

        MvcTestResult completed = http.runJob(REBUILD);

        assertThat(HttpClient.<String>read(completed, "$.state")).isEqualTo("COMPLETED");
        assertThat(HttpClient.<Number>read(completed, "$.done").longValue()).isGreaterThan(doneWhenStopped)
                .isEqualTo(inspector.count("select count(*) from users.users") + inspector.count("select count(*) from orders.orders"));
        assertThat(activeTable()).isNotEqualTo(oldTable);
        assertThat(HttpClient.<List<Integer>>read(history(unchanged), "$[*].total.minorUnits")).hasSize(2).containsOnly(100);
        List<String> afterSwap = HttpClient.read(history(cancelling), "$[?(@.orderId == '" + first + "')].status");
        assertThat(afterSwap).containsExactly("REFUNDED");
    }

    @Test
    void rows_a_rebuild_writes_again_are_updated_where_they_lie_without_new_index_entries() {
        // what a rebuild after the first does to each order: a row of the model before is there already (db/history V9)
        String table = inactiveTable();
        List<OrderHistoryEntry> entries = new ArrayList<>();
        List<Instant> statusAt = new ArrayList<>();
        Instant placed = Instant.parse("2026-01-01T00:00:00Z");
        UserId customer = new UserId(UUID.randomUUID());
        for (int i = 0; i < 500; i++) {
            entries.add(new OrderHistoryEntry(new OrderId(UUID.randomUUID()), customer, null, null, OrderStatus.PAID,
                    Money.of(100, "EUR"), Money.of(100, "EUR"), Money.zero("EUR"), null, placed.plusSeconds(i)));
            statusAt.add(placed.plusSeconds(i));
        }
        long[] counts = new long[2];
        try {
            transactions.inTransaction(() -> {
                store.rebuilt(table, new SourceRange(null, null, Instant.now(), entries, statusAt)); // the model before
                store.rebuilt(table, new SourceRange(null, null, Instant.now().plusSeconds(60), entries, statusAt)); // again
                jdbc.sql("select pg_stat_get_xact_tuples_updated(c.oid), pg_stat_get_xact_tuples_hot_updated(c.oid) "
                                + "from pg_class c where c.oid = cast(? as regclass)").param("order_history." + table)
                        .query(row -> {
                            counts[0] = row.getLong(1);
                            counts[1] = row.getLong(2);
                        });
                throw new RolledBack(); // leaves the table as it was
            });
        } catch (RolledBack expected) {
            // the rows written above are gone
        }
        assertThat(counts[0]).as("rows written again").isEqualTo(entries.size());
        assertThat(counts[1]).as("of them updated on their own page, with no new index entry")
                .isGreaterThanOrEqualTo(entries.size() * 9L / 10);
    }

    private static final class RolledBack extends RuntimeException {
    }

    @Test
    void outside_a_rebuild_the_projection_keeps_the_table_the_next_rebuild_fills_complete_so_that_rebuild_inserts_nothing() {
        // no rebuild runs (setUp waited for one to end): an order placed, paid, and one of them cancelled and refunded
        UUID customer = http.registerCustomer("Both Tables");
        List<String> mine = settledOrders(customer, 3);
        http.post("/v1/orders/" + mine.get(0) + "/cancel", "");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> HttpClient.<List<String>>read(history(customer),
                "$[?(@.orderId == '" + mine.get(0) + "')].status").equals(List.of("REFUNDED"))
                && HttpClient.<List<Integer>>read(history(customer), "$[?(@.orderId == '" + mine.get(0) + "')].refunded.minorUnits")
                        .equals(List.of(100)));
        String active = activeTable();
        String next = inactiveTable();

        assertThat(modelRows(next, customer)).as("the table the next rebuild fills").hasSize(3)
                .isEqualTo(modelRows(active, customer));

        try {
            inspector.sql("""
                    CREATE TABLE public.rebuild_inserts (order_id uuid NOT NULL);
                    CREATE FUNCTION public.count_insert() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
                    BEGIN
                      INSERT INTO public.rebuild_inserts (order_id) VALUES (NEW.order_id);
                      RETURN NEW;
                    END $$;
                    -- after the insert: fires only for a row inserted, not for one the upsert found and updated
                    CREATE TRIGGER count_insert AFTER INSERT ON order_history.%s FOR EACH ROW EXECUTE FUNCTION public.count_insert();
                    """.formatted(next)).update();

            MvcTestResult completed = http.runJob(REBUILD);

            assertThat(HttpClient.<String>read(completed, "$.state")).isEqualTo("COMPLETED");
            assertThat(activeTable()).isEqualTo(next);
            assertThat(inspector.count("select count(*) from public.rebuild_inserts where order_id in (select order_id from "
                    + "orders.orders where user_id = ?)", customer)).as("rows the rebuild inserted for these orders").isZero();
            assertThat(HttpClient.<List<String>>read(history(customer), "$[*].status"))
                    .containsExactlyInAnyOrder("REFUNDED", "PAID", "PAID");
        } finally {
            inspector.sql("""
                    DROP TRIGGER IF EXISTS count_insert ON order_history.%s;
                    DROP FUNCTION IF EXISTS public.count_insert();
                    DROP TABLE IF EXISTS public.rebuild_inserts;
                    """.formatted(next)).update();
        }
    }

    /** The customer's rows of a table, every column but when each was last written, by order id. */
    private List<String> modelRows(String table, UUID customer) {
        return inspector.sql("""
                select concat_ws(' ', order_id, user_id, status, status_at, currency, total_minor, paid_minor, refunded_minor,
                    failure_reason, placed_at)
                from order_history.%s where user_id = ? order by order_id""".formatted(table))
                .param(customer).query(String.class).list();
    }

    @Test
    void a_rebuild_removes_rows_an_earlier_model_left_for_orders_that_do_not_exist_and_keeps_rows_written_since_its_read() {
        settledOrders(http.registerCustomer("Leftovers"), 2);
        String building = inactiveTable();
        // an earlier model's rows of orders that do not exist: before the first order, somewhere, after the last
        List<UUID> gone = List.of(UUID.fromString("00000000-0000-0000-0000-000000000001"), UUID.randomUUID(),
                UUID.fromString("ffffffff-ffff-ffff-ffff-fffffffffffe"));
        // a row the projection wrote after the rebuild read its range: an order placed since, which the read did not see
        UUID placedSince = UUID.randomUUID();
        try {
            for (UUID order : gone) {
                leftRow(building, order, "now() - interval '1 day'");
            }
            leftRow(building, placedSince, "now() + interval '1 hour'");

            MvcTestResult completed = http.runJob(REBUILD);

            assertThat(HttpClient.<String>read(completed, "$.state")).isEqualTo("COMPLETED");
            assertThat(activeTable()).isEqualTo(building);
            for (UUID order : gone) {
                assertThat(rowsOf(building, order)).as("row of order %s, which does not exist", order).isZero();
            }
            assertThat(rowsOf(building, placedSince)).isEqualTo(1);
            assertThat(inspector.count("select count(*) from order_history." + building))
                    .isEqualTo(inspector.count("select count(*) from orders.orders") + 1);
        } finally {
            inspector.sql("delete from order_history.orders where order_id = ?").param(placedSince).update();
            inspector.sql("delete from order_history.orders_alternate where order_id = ?").param(placedSince).update();
        }
    }

    @Test
    void the_reconciliation_removes_rows_of_orders_that_do_not_exist_and_leaves_rows_touched_since_its_read() {
        UUID customer = http.registerCustomer("Range Checked");
        List<String> mine = settledOrders(customer, 2);
        http.runJob(RECONCILIATION);
        String table = activeTable();
        List<UUID> gone = List.of(UUID.fromString("00000000-0000-0000-0000-000000000001"), UUID.randomUUID(),
                UUID.fromString("ffffffff-ffff-ffff-ffff-fffffffffffe"));
        for (UUID order : gone) {
            leftRow(table, order, "now() - interval '1 day'");
        }
        // drift the projection wrote after the reconciliation read the order: it is newer than the read and stays
        inspector.sql("update order_history." + table + " set total_minor = 1, updated_at = now() + interval '1 hour' "
                + "where order_id = ?::uuid").param(mine.get(0)).update();

        MvcTestResult report = http.runJob(RECONCILIATION);

        assertThat(HttpClient.<String>read(report, "$.state")).isEqualTo("COMPLETED");
        long drifted = HttpClient.<Number>read(report, "$.drifted").longValue();
        assertThat(drifted).isGreaterThanOrEqualTo(gone.size() + 1);
        assertThat(HttpClient.<Number>read(report, "$.repaired").longValue()).isEqualTo(drifted - 1);
        for (UUID order : gone) {
            assertThat(rowsOf(table, order)).as("row of order %s, which does not exist", order).isZero();
        }
        assertThat(HttpClient.<List<Integer>>read(history(customer), "$[?(@.orderId == '" + mine.get(0) + "')].total.minorUnits"))
                .containsExactly(1);

        // once it is older than a run's read, it is repaired
        inspector.sql("update order_history." + table + " set updated_at = now() - interval '1 hour' where order_id = ?::uuid")
                .param(mine.get(0)).update();
        assertThat(HttpClient.<Number>read(http.runJob(RECONCILIATION), "$.repaired").longValue()).isEqualTo(1);
        assertThat(HttpClient.<List<Integer>>read(history(customer), "$[*].total.minorUnits")).hasSize(mine.size())
                .containsOnly(100);
    }

    @Test
    void a_job_held_by_another_instance_is_neither_started_nor_run_by_the_schedule() throws Exception {
        try (Connection otherInstance = inspector.dataSource().getConnection(); Statement statement = otherInstance.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(hashtextextended('bulkhead.job." + RECONCILIATION + "', 0))");
            long checkpointsBefore = inspector.count("select count(*) from order_history.job_checkpoints where job_name = ? and "
                    + "updated_at > now() - interval '1 hour'", RECONCILIATION);

            MvcTestResult refused = http.post("/v1/admin/jobs/" + RECONCILIATION, "");

            assertThat(refused).hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.errors[0].field").isEqualTo("name");
            assertThat(jobs.runHere(RECONCILIATION)).isEmpty();
            assertThat(inspector.count("select count(*) from order_history.job_checkpoints where job_name = ? and "
                    + "updated_at > now() - interval '1 hour'", RECONCILIATION)).isEqualTo(checkpointsBefore);

            statement.execute("SELECT pg_advisory_unlock(hashtextextended('bulkhead.job." + RECONCILIATION + "', 0))");
        }
        assertThat(jobs.runHere(RECONCILIATION)).hasValueSatisfying(job -> assertThat(job.state().name()).isEqualTo("COMPLETED"));
    }

    @Test
    void the_reconciliation_resumes_after_a_failed_page_and_repairs_what_drifted() {
        UUID customer = http.registerCustomer("Drift Paged");
        List<String> mine = settledOrders(customer, 4);
        http.runJob(RECONCILIATION);
        String table = activeTable();
        inspector.sql("UPDATE order_history." + table + " SET total_minor = 1 WHERE user_id = ?").param(customer).update();
        String failing = mine.get(1);
        try {
            inspector.sql("""
                    CREATE FUNCTION public.fail_reconciliation() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN RAISE EXCEPTION 'injected fault at order %%', NEW.order_id; END $$;
                    CREATE TRIGGER fail_reconciliation BEFORE INSERT ON order_history.%s FOR EACH ROW
                        WHEN (NEW.order_id = '%s') EXECUTE FUNCTION public.fail_reconciliation();
                    """.formatted(table, failing)).update();

            assertThat(HttpClient.<String>read(http.runJob(RECONCILIATION), "$.state")).isEqualTo("FAILED");
        } finally {
            inspector.sql("""
                    DROP TRIGGER IF EXISTS fail_reconciliation ON order_history.%s;
                    DROP FUNCTION IF EXISTS public.fail_reconciliation();
                    """.formatted(table)).update();
        }
        assertThat(HttpClient.<List<Integer>>read(history(customer), "$[?(@.orderId == '" + failing + "')].total.minorUnits"))
                .containsExactly(1);

        MvcTestResult completed = http.runJob(RECONCILIATION);

        assertThat(HttpClient.<String>read(completed, "$.state")).isEqualTo("COMPLETED");
        assertThat(HttpClient.<Number>read(completed, "$.drifted").longValue()).isGreaterThanOrEqualTo(mine.size());
        assertThat(HttpClient.<List<Integer>>read(history(customer), "$[*].total.minorUnits")).hasSize(mine.size())
                .containsOnly(100);
    }

    @Test
    void a_run_cut_short_by_a_crash_resumes_by_itself_from_its_checkpoint() {
        settledOrders(http.registerCustomer("Crash Resume"), 2);
        http.runJob(RECONCILIATION);
        // what a crash halfway leaves: the row says running after the orders up to the median, no instance holds the lock
        String median = inspector.sql("select percentile_disc(0.5) within group (order by id) from orders.orders")
                .query(String.class).single();
        long after = inspector.count("select count(*) from orders.orders where id > ?::uuid", median);
        inspector.sql("""
                update order_history.job_checkpoints set state = 'RUNNING', cursor_after = ?, done = 1000, drifted = 7,
                    finished_at = null where job_name = ?""").params("orders:" + median, RECONCILIATION).update();

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> inspector.count(
                "select count(*) from order_history.job_checkpoints where job_name = ? and state = 'COMPLETED'", RECONCILIATION) == 1);

        // only the orders after the checkpoint ran again, each once, after the 1000 done before the crash
        assertThat(inspector.count("select done from order_history.job_checkpoints where job_name = ?", RECONCILIATION))
                .isEqualTo(1000 + after);
        assertThat(inspector.count("select drifted from order_history.job_checkpoints where job_name = ?", RECONCILIATION))
                .isEqualTo(7);
    }

    @Test
    void a_run_cut_short_in_a_phase_older_versions_had_starts_over_and_ends_in_line() {
        UUID customer = http.registerCustomer("Old Cursor");
        List<String> mine = settledOrders(customer, 2);
        http.runJob(RECONCILIATION); // its checkpoint row exists
        String table = activeTable();
        inspector.sql("UPDATE order_history." + table + " SET total_minor = 1 WHERE user_id = ?").param(customer).update();
        // what a crash left under a version that looked for orphans in a second pass and emptied the rebuilt table first
        inspector.sql("""
                update order_history.job_checkpoints set state = 'RUNNING', cursor_after = 'orphans:', done = 0, drifted = 0,
                    finished_at = null where job_name = ?""").param(RECONCILIATION).update();

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> inspector.count(
                "select count(*) from order_history.job_checkpoints where job_name = ? and state = 'COMPLETED'", RECONCILIATION) == 1);

        // every customer and every order compared once, from the first: the drift is repaired
        assertThat(inspector.count("select done from order_history.job_checkpoints where job_name = ?", RECONCILIATION))
                .isEqualTo(inspector.count("select count(*) from users.users") + inspector.count("select count(*) from orders.orders"));
        assertThat(HttpClient.<List<Integer>>read(history(customer), "$[*].total.minorUnits")).hasSize(mine.size())
                .containsOnly(100);

        // and a rebuild cut short while it emptied its table: its next page is the first range of customers
        PagedJob.Page fromOldCursor = rebuild.nextPage("clear", 3);
        PagedJob.Page fromStart = rebuild.nextPage(null, 3);
        assertThat(fromOldCursor.cursorAfter()).startsWith("customers:").isEqualTo(fromStart.cursorAfter());
    }

    @Test
    void a_page_compares_its_range_a_part_at_a_time_giving_way_before_each_part() {
        settledOrders(http.registerCustomer("Paced Parts"), 3);
        int[] gaveWay = { 0 };
        PagedJob.Pacing onePerStatement = new PagedJob.Pacing() {

            @Override
            public int rowsPerStatement() {
                return 1;
            }

            @Override
            public void betweenStatements() {
                gaveWay[0]++;
            }
        };

        PagedJob.Page page = reconciliation.nextPage("orders:", 3);
        PagedJob.Applied applied = transactions.inTransaction(() -> page.apply(onePerStatement));

        assertThat(applied.done()).isEqualTo(3);
        assertThat(gaveWay[0]).as("three parts of one order each").isEqualTo(3);
    }

    @Test
    void a_run_whose_stop_was_asked_before_its_instance_died_stays_stopped() {
        http.runJob(RECONCILIATION);
        inspector.sql("""
                update order_history.job_checkpoints set state = 'RUNNING', cursor_after = 'orders:', done = 5,
                    stop_requested = true, finished_at = null where job_name = ?""").param(RECONCILIATION).update();

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> inspector.count(
                "select count(*) from order_history.job_checkpoints where job_name = ? and state = 'STOPPED'", RECONCILIATION) == 1);

        assertThat(inspector.count("select done from order_history.job_checkpoints where job_name = ?", RECONCILIATION))
                .isEqualTo(5);
        assertThat(checkpointCursor(RECONCILIATION)).isEqualTo("orders:");
    }

    @Test
    void only_operators_see_and_control_the_jobs() {
        HttpClient customer = http.asCustomer(http.registerCustomer("Not An Operator"));

        assertThat(customer.get("/v1/admin/jobs")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(customer.get("/v1/admin/jobs/" + REBUILD)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(customer.post("/v1/admin/jobs/" + REBUILD, "")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(customer.post("/v1/admin/jobs/" + REBUILD + "/stop", "")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(customer.post("/v1/admin/read-models/order-history/rebuild", "")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(http.get("/v1/admin/jobs/no.such-job")).hasStatus(HttpStatus.NOT_FOUND);
    }

    /** Orders paid in full, with every event about them applied to the read model. */
    private List<String> settledOrders(UUID customer, int count) {
        http.topUp(customer, 100L * count);
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            orders.add(http.placeOrder(customer, 100));
        }
        for (String order : orders) {
            http.awaitJson("/v1/orders/" + order, "$.status", "PAID");
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            List<String> statuses = read(history(customer), "$[?(@.paid.minorUnits == 100)].status");
            return statuses.size() == count && statuses.stream().allMatch("PAID"::equals);
        });
        return orders;
    }

    private MvcTestResult history(UUID customer) {
        return http.get("/v1/support/order-history?customer=" + customer + "&size=100");
    }

    private String activeTable() {
        return inspector.sql("select active from order_history.read_model_tables").query(String.class).single();
    }

    private String inactiveTable() {
        return "orders".equals(activeTable()) ? "orders_alternate" : "orders";
    }

    private String checkpointCursor(String job) {
        return inspector.sql("select cursor_after from order_history.job_checkpoints where job_name = ?").param(job)
                .query(String.class).single();
    }

    /** A row with nothing but its key, last touched at {@code touched} (an SQL expression). */
    private void leftRow(String table, UUID order, String touched) {
        inspector.sql("insert into order_history." + table + " (order_id, status, updated_at) values (?, 'PAID', " + touched + ")")
                .param(order).update();
    }

    private long rowsOf(String table, UUID order) {
        return inspector.count("select count(*) from order_history." + table + " where order_id = ?", order);
    }

    private long applications(String order) {
        return inspector.count("select count(*) from public.rebuild_applications where order_id = ?::uuid", order);
    }

    /** Holds a job's thread after a chosen page has committed, until the test releases it. */
    @Test
    void the_jobs_count_their_orders_in_one_process_and_the_next_transaction_on_that_connection_may_go_parallel_again() {
        String parallelWorkers = "SELECT current_setting('max_parallel_workers_per_gather')";
        String duringTheCount = transactions.inTransaction(() -> {
            store.count();
            return jdbc.sql(parallelWorkers).query(String.class).single();
        });
        String afterwards = transactions.inTransaction(() -> jdbc.sql(parallelWorkers).query(String.class).single());

        assertThat(duringTheCount).isEqualTo("0"); // a parallel count of a million rows takes every core from the requests
        assertThat(afterwards).isNotEqualTo("0"); // SET LOCAL: the pooled connection keeps the server's setting
    }

    @Test
    void a_read_model_the_planner_believes_large_is_estimated_not_counted_and_a_small_one_counted() {
        String table = tables.current().activeTable();
        long rows = inspector.count("select count(*) from " + table);
        long pages = inspector.count("select pg_relation_size(cast(? as regclass)) / current_setting('block_size')::int", table);
        try {
            inspector.sql("update pg_class set reltuples = 2000000, relpages = ? where oid = cast(? as regclass)").param(pages)
                    .param(table).update();
            assertThat(transactions.inTransaction(store::count)).as("the planner's estimate").isEqualTo(2_000_000);

            // analysed when the table had one page: a table filled since is estimated at its size now
            inspector.sql("update pg_class set reltuples = 150000, relpages = 1 where oid = cast(? as regclass)").param(table).update();
            assertThat(transactions.inTransaction(store::count)).as("scaled to the pages it has now").isEqualTo(150_000 * pages);

            inspector.sql("update pg_class set reltuples = ?, relpages = ? where oid = cast(? as regclass)")
                    .param(TableRows.EXACT_BELOW - 1).param(pages).param(table).update();
            long counted = transactions.inTransaction(store::count);
            // the projection may still be writing the rows of an earlier test's orders
            assertThat(counted).as("counted").isBetween(rows, inspector.count("select count(*) from " + table));
        } finally {
            inspector.sql("analyze " + table).update();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Gate {

        private volatile Predicate<PageApplied> holdAfter = page -> false;
        private volatile CountDownLatch held = new CountDownLatch(1);
        private volatile CountDownLatch released = new CountDownLatch(1);

        void holdAfter(Predicate<PageApplied> when) {
            held = new CountDownLatch(1);
            released = new CountDownLatch(1);
            holdAfter = when;
        }

        void awaitHeld() {
            try {
                assertThat(held.await(20, TimeUnit.SECONDS)).as("the job reached the page to hold after").isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        void release() {
            holdAfter = page -> false;
            released.countDown();
        }

        @EventListener
        void on(PageApplied page) throws InterruptedException {
            if (holdAfter.test(page)) {
                holdAfter = any -> false;
                held.countDown();
                released.await(30, TimeUnit.SECONDS);
            }
        }
    }
}
