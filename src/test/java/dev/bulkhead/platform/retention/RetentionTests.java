package dev.bulkhead.platform.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulkhead.platform.ClusterLock;
import dev.bulkhead.platform.RetainedTable;
import dev.bulkhead.platform.web.OpenRequest;
import dev.bulkhead.platform.web.RequestsInFlight;
import dev.bulkhead.testing.DatabaseInspector;
import dev.bulkhead.testing.HttpClient;
import dev.bulkhead.testing.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The retention job on the whole application and real PostgreSQL (ADR 0033): rows older than their window go, newer
 * ones stay; batches commit one by one, so a crash in the middle loses nothing and repeats nothing; one instance
 * prunes at a time; pruning never holds up the business path, and skips the rows a business transaction holds. The
 * probes carry a handler, caller or type of their own, and the tables under test are narrowed to them, so that the
 * counts do not depend on what other tests left behind.
 */
@IntegrationTest
class RetentionTests {

    private static final Duration OLD = Duration.ofDays(30);

    private final String probe = "retention-probe-" + UUID.randomUUID();

    @Autowired
    DatabaseInspector database;

    @Autowired
    List<RetainedTable> tables;

    @Autowired
    TablePruner pruner;

    @Autowired
    RetentionJob job;

    @Autowired
    ClusterLock lock;

    @Autowired
    MeterRegistry meters;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Clock clock;

    HttpClient http;

    @BeforeEach
    void setUp() {
        http = new HttpClient(mvc);
    }

    @AfterEach
    void removeTheFaults() {
        database.sql("drop trigger if exists retention_probe_fault on billing.applied_events").update();
        database.sql("drop function if exists public.retention_probe_fault()").update();
        for (String probed : List.of("billing.applied_events where handler", "orders.applied_events where handler",
                "order_history.applied_events where event_type", "billing.idempotency_keys where caller",
                "orders.idempotency_keys where caller", "events.received_messages where event_type",
                "events.event_publication where listener_id")) {
            database.sql("delete from " + probed + " = ?").param(probe).update();
        }
    }

    @Test
    void every_bookkeeping_table_is_declared_in_its_modules_schema() {
        assertThat(tables).extracting(table -> table.module() + " " + table.table()).containsExactlyInAnyOrder(
                "billing billing.applied_events", "billing billing.idempotency_keys", "order orders.applied_events",
                "order orders.idempotency_keys", "history order_history.applied_events",
                "platform events.event_publication", "platform events.publication_failures",
                "platform events.received_messages");
        assertThat(tables).filteredOn(table -> table.table().endsWith(".applied_events"))
                .allSatisfy(table -> assertThat(table.keptFor()).isEqualTo(Duration.ofDays(7)));
        assertThat(tables).filteredOn(table -> table.table().endsWith(".idempotency_keys"))
                .allSatisfy(table -> assertThat(table.keptFor()).isEqualTo(Duration.ofHours(24)));
    }

    @Test
    void rows_older_than_their_window_are_pruned_and_newer_ones_kept_in_every_table() {
        UUID oldBillingMark = mark("billing.applied_events", "handler", ago(Duration.ofDays(8)));
        UUID newBillingMark = mark("billing.applied_events", "handler", ago(Duration.ofDays(6)));
        UUID oldOrderMark = mark("orders.applied_events", "handler", ago(Duration.ofDays(8)));
        UUID newOrderMark = mark("orders.applied_events", "handler", ago(Duration.ofDays(6)));
        UUID oldHistoryMark = mark("order_history.applied_events", "event_type", ago(Duration.ofDays(8)));
        UUID newHistoryMark = mark("order_history.applied_events", "event_type", ago(Duration.ofDays(6)));
        key("billing", "old", ago(Duration.ofHours(25)));
        key("billing", "new", ago(Duration.ofHours(23)));
        key("orders", "old", ago(Duration.ofHours(25)));
        key("orders", "new", ago(Duration.ofHours(23)));
        UUID oldReceived = received(ago(Duration.ofDays(15)));
        UUID newReceived = received(ago(Duration.ofDays(13)));
        UUID oldCompleted = publication(ago(Duration.ofDays(9)), ago(Duration.ofDays(8)));
        UUID oldIncomplete = publication(ago(Duration.ofDays(9)), null);
        UUID newCompleted = publication(ago(Duration.ofDays(9)), ago(Duration.ofDays(6)));
        double billingPrunedBefore = pruned("billing.applied_events");

        assertThat(job.runExclusively()).isTrue();

        assertThat(probeIds("billing.applied_events", "event_id", "handler")).containsExactly(newBillingMark).doesNotContain(oldBillingMark);
        assertThat(probeIds("orders.applied_events", "event_id", "handler")).containsExactly(newOrderMark).doesNotContain(oldOrderMark);
        assertThat(probeIds("order_history.applied_events", "event_id", "event_type")).containsExactly(newHistoryMark)
                .doesNotContain(oldHistoryMark);
        assertThat(database.sql("select key from billing.idempotency_keys where caller = ?").param(probe).query(String.class).list())
                .containsExactly("new");
        assertThat(database.sql("select key from orders.idempotency_keys where caller = ?").param(probe).query(String.class).list())
                .containsExactly("new");
        assertThat(probeIds("events.received_messages", "event_id", "event_type")).containsExactly(newReceived).doesNotContain(oldReceived);
        assertThat(database.sql("select id from events.event_publication where listener_id = ?").param(probe).query(UUID.class).list())
                .as("an incomplete publication is never pruned, however old").containsExactlyInAnyOrder(oldIncomplete, newCompleted)
                .doesNotContain(oldCompleted);
        assertThat(pruned("billing.applied_events") - billingPrunedBefore).isGreaterThanOrEqualTo(1);
        assertThat(meters.get("bulkhead.retention.left").tag("module", "billing").tag("table", "billing.applied_events").gauge()
                .value()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void the_history_checkpoint_reads_the_same_after_its_marks_are_pruned() {
        mark("order_history.applied_events", "event_type", ago(Duration.ofDays(9)));
        mark("order_history.applied_events", "event_type", ago(Duration.ofDays(8)));
        Map<String, Object> before = checkpoint();

        job.runExclusively();

        assertThat(probeIds("order_history.applied_events", "event_id", "event_type")).isEmpty();
        Map<String, Object> after = checkpoint();
        assertThat(after.get("events_applied")).isEqualTo(before.get("events_applied"));
        assertThat(after.get("last_event_id")).isEqualTo(before.get("last_event_id"));
        assertThat(after.get("last_applied_at")).isEqualTo(before.get("last_applied_at"));
    }

    @Test
    void batches_of_ten_prune_thirty_five_rows_in_four_transactions() {
        for (int i = 0; i < 35; i++) {
            mark("billing.applied_events", "handler", ago(OLD.plusMinutes(i)));
        }
        List<Long> batches = new ArrayList<>();

        TablePruner.Pruned pruned = pruner.prune(probeMarks(), clock.instant(), 10, () -> false, TablePruner.Pacing.NONE, batches::add);

        assertThat(pruned.rows()).isEqualTo(35);
        assertThat(pruned.batches()).isEqualTo(4);
        assertThat(batches).containsExactly(10L, 10L, 10L, 5L);
    }

    /**
     * A batch that fails (here a trigger refuses to delete one row; a cut connection or a killed instance ends the
     * batch's transaction the same way) rolls back alone: the batches before it stay deleted, nothing inside the
     * window is touched, and the next run deletes exactly what is left.
     */
    @Test
    void a_crash_in_the_middle_loses_nothing_and_repeats_nothing() {
        List<UUID> oldest = new ArrayList<>();
        for (int i = 0; i < 35; i++) {
            oldest.add(0, mark("billing.applied_events", "handler", ago(OLD.plusMinutes(i))));
        }
        List<UUID> recent = List.of(mark("billing.applied_events", "handler", ago(Duration.ofDays(1))),
                mark("billing.applied_events", "handler", ago(Duration.ofMinutes(1))));
        // the 25th oldest row: batches 1 and 2 (rows 1 to 20) commit, batch 3 (21 to 30) fails
        faultOn(oldest.get(24), "raise exception 'injected fault: the instance dies here'");
        List<Long> committed = new ArrayList<>();

        assertThatThrownBy(() -> pruner.prune(probeMarks(), clock.instant(), 10, () -> false, TablePruner.Pacing.NONE, committed::add))
                .hasStackTraceContaining("injected fault");

        assertThat(committed).containsExactly(10L, 10L);
        assertThat(probeIds("billing.applied_events", "event_id", "handler")).containsExactlyInAnyOrderElementsOf(
                concat(oldest.subList(20, 35), recent));

        database.sql("drop trigger retention_probe_fault on billing.applied_events").update();
        TablePruner.Pruned rest = pruner.prune(probeMarks(), clock.instant(), 10, () -> false, TablePruner.Pacing.NONE, rows -> { });

        assertThat(rest.rows()).isEqualTo(15);
        assertThat(probeIds("billing.applied_events", "event_id", "handler")).containsExactlyInAnyOrderElementsOf(recent);
    }

    @Test
    void a_run_stops_between_batches_when_told_to() {
        for (int i = 0; i < 25; i++) {
            mark("billing.applied_events", "handler", ago(OLD.plusMinutes(i)));
        }
        List<Long> batches = new ArrayList<>();

        TablePruner.Pruned pruned = pruner.prune(probeMarks(), clock.instant(), 10, () -> batches.size() == 2, TablePruner.Pacing.NONE, batches::add);

        assertThat(pruned.stopped()).isTrue();
        assertThat(pruned.rows()).isEqualTo(20);
        assertThat(probeIds("billing.applied_events", "event_id", "handler")).hasSize(5);
    }

    @Test
    void a_batch_starts_only_once_the_request_under_way_has_been_answered() throws Exception {
        UUID old = mark("billing.applied_events", "handler", ago(OLD));
        RequestsInFlight requests = new RequestsInFlight();
        try (OpenRequest request = OpenRequest.in(requests)) {
            RetentionJob waiting = jobOverProbeMarks(requests, Duration.ofSeconds(30));

            CompletableFuture<Void> run = CompletableFuture.runAsync(waiting::pruneAll);
            Thread.sleep(300);
            assertThat(probeIds("billing.applied_events", "event_id", "handler")).as("pruned while a request was under way")
                    .containsExactly(old);
            request.answer();
            run.get(20, TimeUnit.SECONDS);
        }

        assertThat(probeIds("billing.applied_events", "event_id", "handler")).isEmpty();
    }

    @Test
    void a_request_that_is_never_answered_slows_pruning_down_but_does_not_stop_it() {
        for (int i = 0; i < 25; i++) {
            mark("billing.applied_events", "handler", ago(OLD.plusMinutes(i)));
        }
        RequestsInFlight requests = new RequestsInFlight();
        try (OpenRequest never = OpenRequest.in(requests)) {
            long start = System.nanoTime();

            jobOverProbeMarks(requests, Duration.ofMillis(200)).pruneAll();

            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("waited up to the setting before each of 3 batches")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(3 * 200));
        }
        assertThat(probeIds("billing.applied_events", "event_id", "handler")).isEmpty();
    }

    @Test
    void a_full_batch_is_followed_by_a_rest_and_the_last_batch_is_not() {
        for (int i = 0; i < 35; i++) {
            mark("billing.applied_events", "handler", ago(OLD.plusMinutes(i)));
        }
        List<String> steps = new ArrayList<>();
        TablePruner.Pacing recorded = new TablePruner.Pacing() {
            @Override
            public void beforeBatch() {
                steps.add("give way");
            }

            @Override
            public void betweenBatches() {
                steps.add("rest");
            }
        };

        pruner.prune(probeMarks(), clock.instant(), 10, () -> false, recorded, rows -> steps.add(rows + " rows"));

        assertThat(steps).containsExactly("give way", "10 rows", "rest", "give way", "10 rows", "rest", "give way", "10 rows",
                "rest", "give way", "5 rows");
    }

    @Test
    void a_stop_asked_during_a_rest_is_heeded_before_another_batch() {
        for (int i = 0; i < 35; i++) {
            mark("billing.applied_events", "handler", ago(OLD.plusMinutes(i)));
        }
        AtomicBoolean shuttingDown = new AtomicBoolean();
        List<Long> batches = new ArrayList<>();
        TablePruner.Pacing restDuringWhichTheApplicationStops = new TablePruner.Pacing() {
            @Override
            public void betweenBatches() {
                shuttingDown.set(true);
            }
        };

        TablePruner.Pruned pruned = pruner.prune(probeMarks(), clock.instant(), 10, shuttingDown::get,
                restDuringWhichTheApplicationStops, batches::add);

        assertThat(pruned.stopped()).isTrue();
        assertThat(batches).containsExactly(10L);
        assertThat(probeIds("billing.applied_events", "event_id", "handler")).hasSize(25);
    }

    @Test
    void a_pruning_run_rests_after_each_full_batch_with_no_request_under_way() {
        for (int i = 0; i < 25; i++) {
            mark("billing.applied_events", "handler", ago(OLD.plusMinutes(i)));
        }
        long start = System.nanoTime();

        jobOverProbeMarks(new RequestsInFlight(), Duration.ZERO, Duration.ofMillis(250)).pruneAll();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("rested after each of the 2 full batches of 10, not after the last 5")
                .isGreaterThanOrEqualTo(Duration.ofMillis(2 * 250));
        assertThat(probeIds("billing.applied_events", "event_id", "handler")).isEmpty();
    }

    @Test
    void a_pruning_run_inside_a_request_waits_for_the_other_requests_only() throws Exception {
        for (int i = 0; i < 25; i++) {
            mark("billing.applied_events", "handler", ago(OLD.plusMinutes(i)));
        }
        RequestsInFlight requests = new RequestsInFlight();
        RetentionJob waiting = jobOverProbeMarks(requests, Duration.ofSeconds(30));
        CompletableFuture<Long> took = new CompletableFuture<>();

        // an operator's synchronous run (POST /v1/admin/retention) is itself a request under way
        requests.doFilter(new MockHttpServletRequest("POST", "/v1/admin/retention"), new MockHttpServletResponse(), (request, response) -> {
            long start = System.nanoTime();
            waiting.pruneAll();
            took.complete(System.nanoTime() - start);
        });

        assertThat(Duration.ofNanos(took.get())).as("three batches that waited for their own request").isLessThan(Duration.ofSeconds(10));
        assertThat(probeIds("billing.applied_events", "event_id", "handler")).isEmpty();
    }

    /**
     * One instance prunes at a time: while a run is held up inside a batch (a trigger waits on a lock the test holds),
     * the scheduler's turn on another "instance" does nothing, and an operator's request answers 409.
     */
    @Test
    void a_second_instance_does_not_prune_while_one_is_pruning() throws Exception {
        UUID blocking = mark("billing.applied_events", "handler", ago(OLD));
        UUID other = mark("billing.applied_events", "handler", ago(OLD.plusMinutes(1)));
        faultOn(blocking, """
                for i in 1..400 loop
                    exit when pg_try_advisory_lock(4242);
                    perform pg_sleep(0.01);
                end loop;
                perform pg_advisory_unlock(4242)""");
        try (Connection gate = database.dataSource().getConnection()) {
            execute(gate, "select pg_advisory_lock(4242)");
            CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(job::runExclusively);
            Awaitility.await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(10)).until(() -> database.count(
                    "select count(*) from pg_stat_activity where query like 'delete from billing.applied_events%' and state = 'active' "
                    + "and pid <> pg_backend_pid()")
                    > 0);

            job.onSchedule();
            assertThat(job.runExclusively()).as("another instance's turn").isFalse();
            assertThat(http.post("/v1/admin/retention", "")).hasStatus(HttpStatus.CONFLICT).bodyJson()
                    .extractingPath("$.title").isEqualTo("Pruning in progress");
            assertThat(probeIds("billing.applied_events", "event_id", "handler")).contains(blocking, other);

            execute(gate, "select pg_advisory_unlock(4242)");
            assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(probeIds("billing.applied_events", "event_id", "handler")).doesNotContain(blocking, other);
        assertThat(http.post("/v1/admin/retention", "")).hasStatusOk();
    }

    /**
     * While a pruning batch's transaction is open, holding its rows, the business path writes to the same table
     * without waiting: a new inbox mark, and a top-up claiming its idempotency key. A bound of seconds, not a
     * benchmark: a write that waited for the pruning transaction would wait until it ends, which here is never.
     */
    @Test
    void an_open_pruning_batch_does_not_hold_up_business_writes_on_the_same_table() throws Exception {
        for (int i = 0; i < 3; i++) {
            mark("billing.applied_events", "handler", ago(OLD.plusMinutes(i)));
            key("billing", "old-" + i, ago(Duration.ofDays(2)));
        }
        UUID customer = http.registerCustomer("Pruned Alongside");
        http.awaitJson("/v1/billing/summary/" + customer, "$.balance.minorUnits", 0);
        try (Connection pruning = database.dataSource().getConnection()) {
            pruning.setAutoCommit(false);
            assertThat(batch(pruning, probeMarks(), 10)).isEqualTo(3);
            assertThat(batch(pruning, probeKeys(), 10)).isEqualTo(3);

            CompletableFuture<Integer> mark = CompletableFuture.supplyAsync(() -> database.sql(
                    "insert into billing.applied_events (event_id, handler, applied_at) values (?, ?, now())")
                    .param(UUID.randomUUID()).param(probe).update());
            CompletableFuture<HttpStatus> topUp = CompletableFuture.supplyAsync(() -> HttpStatus.valueOf(http.post(
                    "/v1/billing/accounts/" + customer + "/top-ups", "{\"amount\":100,\"currency\":\"EUR\"}", UUID.randomUUID().toString())
                    .getResponse().getStatus()));

            assertThat(mark.get(2, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(topUp.get(2, TimeUnit.SECONDS)).isEqualTo(HttpStatus.CREATED);
            pruning.rollback();
        }
    }

    /** A row a business transaction holds is skipped, not waited for; the next run takes it. */
    @Test
    void pruning_skips_the_rows_a_business_transaction_holds() throws Exception {
        UUID held = mark("billing.applied_events", "handler", ago(OLD));
        UUID free = mark("billing.applied_events", "handler", ago(OLD.plusMinutes(1)));
        try (Connection business = database.dataSource().getConnection()) {
            business.setAutoCommit(false);
            try (PreparedStatement lock = business.prepareStatement(
                    "select 1 from billing.applied_events where event_id = ? for update")) {
                lock.setObject(1, held);
                lock.executeQuery().close();
            }

            CompletableFuture<TablePruner.Pruned> run = CompletableFuture.supplyAsync(
                    () -> pruner.prune(probeMarks(), clock.instant(), 10, () -> false, TablePruner.Pacing.NONE, rows -> { }));

            assertThat(run.get(2, TimeUnit.SECONDS).rows()).isEqualTo(1);
            assertThat(probeIds("billing.applied_events", "event_id", "handler")).containsExactly(held).doesNotContain(free);
            business.commit();
        }
        assertThat(pruner.prune(probeMarks(), clock.instant(), 10, () -> false, TablePruner.Pacing.NONE, rows -> { }).rows()).isEqualTo(1);
    }

    @Test
    void operators_see_every_retained_table_and_customers_are_refused() {
        job.runExclusively();

        var listing = http.asRoles("operator", "OPERATOR").get("/v1/admin/retention");
        assertThat(listing).hasStatusOk().bodyJson().extractingPath("$[*].table").asArray().hasSize(tables.size())
                .contains("billing.applied_events", "events.event_publication", "order_history.applied_events");
        assertThat(listing).bodyJson().extractingPath("$[?(@.table == 'billing.idempotency_keys')].keptFor").asArray()
                .containsExactly("PT24H");
        assertThat(listing).bodyJson().extractingPath("$[0].lastRunAt").isNotNull();
        assertThat(listing).bodyJson().extractingPath("$[0].left").isNotNull();
        assertThat(http.asRoles(UUID.randomUUID().toString(), "CUSTOMER").get("/v1/admin/retention")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(http.asRoles(UUID.randomUUID().toString(), "CUSTOMER").post("/v1/admin/retention", ""))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(http.anonymous().get("/v1/admin/retention")).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    // --- probes ----------------------------------------------------------------------------------------------------

    /** A retention job over the probe's marks alone, in batches of ten, that gives way to {@code requests} and never rests. */
    private RetentionJob jobOverProbeMarks(RequestsInFlight requests, Duration giveWay) {
        return jobOverProbeMarks(requests, giveWay, Duration.ZERO);
    }

    private RetentionJob jobOverProbeMarks(RequestsInFlight requests, Duration giveWay, Duration rest) {
        RetentionProperties properties = new RetentionProperties(Duration.ofMinutes(10), 10, giveWay, rest, Duration.ofDays(7),
                Duration.ofDays(14));
        return new RetentionJob(List.of(probeMarks()), pruner, lock, properties, clock, new SimpleMeterRegistry(), requests);
    }

    /** billing's inbox, narrowed to this test's probes, with billing's own transactions. */
    private RetainedTable probeMarks() {
        return declared("billing.applied_events").keepingUnless("t.handler = '" + probe + "'");
    }

    private RetainedTable probeKeys() {
        return declared("billing.idempotency_keys").keepingUnless("t.caller = '" + probe + "'");
    }

    private RetainedTable declared(String table) {
        return tables.stream().filter(retained -> retained.table().equals(table)).findFirst().orElseThrow();
    }

    private Instant ago(Duration age) {
        return clock.instant().minus(age);
    }

    private UUID mark(String table, String probeColumn, Instant at) {
        UUID id = UUID.randomUUID();
        database.sql("insert into " + table + " (event_id, " + probeColumn + ", applied_at) values (?, ?, ?)")
                .param(id).param(probe).param(Timestamp.from(at)).update();
        return id;
    }

    private void key(String schema, String key, Instant at) {
        database.sql("insert into " + schema + ".idempotency_keys (caller, key, request_hash, result_json, created_at) "
                + "values (?, ?, 'hash', '{}', ?)").param(probe).param(key).param(Timestamp.from(at)).update();
    }

    private UUID received(Instant at) {
        UUID id = UUID.randomUUID();
        database.sql("insert into events.received_messages (event_id, event_type, key_id, received_at) values (?, ?, 'k1', ?)")
                .param(id).param(probe).param(Timestamp.from(at)).update();
        return id;
    }

    private UUID publication(Instant published, Instant completed) {
        UUID id = UUID.randomUUID();
        database.sql("""
                insert into events.event_publication (id, listener_id, event_type, serialized_event, publication_date,
                    completion_date, status, completion_attempts)
                values (?, ?, 'dev.bulkhead.ProbeEvent', '{}', ?, ?, ?, 1)""")
                .param(id).param(probe).param(Timestamp.from(published))
                .param(completed == null ? null : Timestamp.from(completed)).param(completed == null ? "FAILED" : "COMPLETED")
                .update();
        return id;
    }

    private List<UUID> probeIds(String table, String idColumn, String probeColumn) {
        return database.sql("select " + idColumn + " from " + table + " where " + probeColumn + " = ?").param(probe)
                .query(UUID.class).list();
    }

    private double pruned(String table) {
        return meters.get("bulkhead.retention.pruned").tag("table", table).counter().count();
    }

    private Map<String, Object> checkpoint() {
        return database.sql("""
                select (select count(*) from order_history.applied_events) + s.pruned_events as events_applied,
                    coalesce(l.event_id, s.pruned_last_event_id) as last_event_id,
                    coalesce(l.applied_at, s.pruned_last_applied_at) as last_applied_at
                from order_history.projection_state s
                left join lateral (select event_id, applied_at from order_history.applied_events
                                   order by applied_at desc limit 1) l on true""").query().singleRow();
    }

    /** A trigger that runs {@code action} when pruning deletes the row of {@code eventId} from billing's inbox. */
    private void faultOn(UUID eventId, String action) {
        database.sql("""
                create function public.retention_probe_fault() returns trigger language plpgsql as $$
                begin
                    if old.event_id = '%s' then
                        %s;
                    end if;
                    return old;
                end $$""".formatted(eventId, action)).update();
        database.sql("create trigger retention_probe_fault before delete on billing.applied_events "
                + "for each row execute function public.retention_probe_fault()").update();
    }

    private static int batch(Connection connection, RetainedTable table, int size) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(TablePruner.batchStatement(table))) {
            statement.setTimestamp(1, Timestamp.from(Instant.now().minus(table.keptFor())));
            statement.setInt(2, size);
            return statement.executeUpdate();
        }
    }

    private static void execute(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<UUID> concat(List<UUID> first, List<UUID> second) {
        List<UUID> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
