package dev.bulkhead.volume;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.testing.DatabaseInspector;
import dev.bulkhead.testing.HttpClient;
import dev.bulkhead.testing.IntegrationTest;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Every statement the application sends on a large table has an index that serves it, checked on the SQL the code
 * really sends (issue 22 item 4, ADR 0040). {@link RequestPathIndexTests} checks the hand-written list the volume
 * rehearsal explains on a million orders; a statement changed in the code and not in the list would escape it. Here
 * the request paths, the deliveries and the operator's jobs run once while the driver's trace records each distinct
 * statement ({@link SentStatements}); each is then planned as PostgreSQL plans a prepared statement it keeps (a
 * generic plan, the parameters unknown) with sequential scans switched off. A plan that still reads a large table
 * sequentially, or reads a whole index of it while filtering the rows, means no index serves the statement, whatever
 * its parameters.
 */
@IntegrationTest
// fresh connections: the driver sends a statement's text only until it keeps the statement prepared on a connection,
// so on connections that earlier test classes used, the hottest statements would go by unseen
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_CLASS)
class SentStatementIndexTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    DatabaseInspector database;

    private final RequestPathQueries queries = RequestPathQueries.read();
    // recorded and planned once for the class: the walk takes seconds, and every test reads the same recording
    private static List<SentStatements.Sent> sent;
    private static List<String> unreadable;
    private static Map<SentStatements.Sent, GenericPlans.Plan> plans;

    @BeforeEach
    void sendWhatTheApplicationSendsOnce() throws SQLException {
        if (sent != null) {
            return;
        }
        try (SentStatements recording = SentStatements.record()) {
            new RequestPaths(new HttpClient(mvc), database).walk();
            // the test's own statement, sent while recording: not the application's, so not recorded
            database.count("SELECT count(*) FROM users.users WHERE name = ? AND NOT active", "Index Walker-Renamed");
            sent = recording.statements();
            unreadable = recording.unreadable();
        }
        Map<SentStatements.Sent, GenericPlans.Plan> planned = new LinkedHashMap<>();
        try (GenericPlans generic = GenericPlans.on(database.dataSource())) {
            for (SentStatements.Sent statement : sent) {
                if (GenericPlans.explainable(statement.sql())) {
                    planned.put(statement, generic.of(statement));
                }
            }
        }
        plans = planned;
    }

    @Test
    void noStatementTheApplicationSendsReadsALargeTableWithoutAnIndex() {
        List<String> unserved = new ArrayList<>();
        List<String> unexplained = new ArrayList<>();
        plans.forEach((statement, plan) -> {
            if (plan.failure() != null) {
                unexplained.add(statement.sender() + ": " + plan.failure() + "\n  " + statement.sql());
                return;
            }
            Set<String> unservedTables = unservedTables(plan);
            if (!unservedTables.isEmpty()) {
                unserved.add(statement.sender() + " sent a statement that reads " + unservedTables
                        + " sequentially, or through a whole index it filters: no index serves it. Add one in the owning"
                        + " module's db/<module>/ migration for its WHERE and ORDER BY, or write the statement so that an"
                        + " existing index serves it.\n  " + statement.sql() + "\nPlan:\n" + plan.text());
            }
        });
        assertThat(unexplained).as("statements PostgreSQL could not plan as sent").isEmpty();
        assertThat(unserved).as("statements on large tables without an index").isEmpty();
    }

    /**
     * The volume rehearsal explains what the list names on a million orders, where a statement that reads more than it
     * returns shows (a filter over a whole index, a range too wide): a method that reads a large table other than by
     * its key and is missing from the list would never be explained there.
     */
    @Test
    void everyMethodThatReadsALargeTableIsInTheRehearsalsList() {
        Set<String> listed = queries.sourceMethods();
        Set<String> unlisted = new TreeSet<>();
        plans.forEach((statement, plan) -> {
            Set<String> read = plan.failure() == null ? plan.readsOtherThanByKey(queries.largeTables()) : Set.of();
            if (!read.isEmpty() && !listed.contains(statement.sender())) {
                unlisted.add(statement.sender() + " reads " + read + ": " + abbreviated(statement.sql()));
            }
        });
        assertThat(unlisted).as("methods that read large tables other than by their key, missing from " + RequestPathQueries.FILE
                + ": add each statement there, written as the code sends it, with its method as the source").isEmpty();
    }

    /** The recording is not empty by accident: the request paths' own statements are among those checked. */
    @Test
    void theRecordingHoldsTheRequestPathsStatements() {
        assertThat(sent).extracting(SentStatements.Sent::sender)
                .contains("OrderHistoryStore.search", "OrderHistoryStore.rebuilt", "CustomerCopy.renamed",
                        "StatusMoves.make", "TablePruner.prune", "UserRepository.existsByEmail")
                .noneMatch(sender -> sender.startsWith("DatabaseInspector") || sender.startsWith("SentStatementIndexTests"));
        assertThat(sent).extracting(SentStatements.Sent::sql)
                .anyMatch(sql -> sql.contains("order_history.customers found") && sql.contains("ILIKE"))
                .noneMatch(sql -> sql.contains("AND NOT active"));
        assertThat(unreadable).as("Parse messages of a form the recorder does not read").isEmpty();
    }

    /** Attacks the check itself: a statement as the application could send it, that no index serves, is caught. */
    @Test
    void aStatementNoIndexServesIsCaught() throws SQLException {
        // what Spring Data's existsByEmailIgnoreCase sent before issue 22: upper(), where the index is on lower()
        SentStatements.Sent upper = new SentStatements.Sent(
                "select u1_0.id from users.users u1_0 where upper(u1_0.email)=upper($1) fetch first $2 rows only",
                List.of(1043, 23), "UserRepository.existsByEmailIgnoreCase");
        GenericPlans.Plan plan = planOf(upper);
        assertThat(plan.failure()).isNull();
        assertThat(queries.sequentiallyScanned(plan.text())).containsExactly("users.users");
    }

    /**
     * Attacks the check where a sequential scan is not the symptom: support's search with the customers' names matched
     * by an expression their trigram index does not hold. With sequential scans off the planner reads the customers
     * through their primary key in order, for a merge join, and filters every row.
     */
    @Test
    void aSearchThatFiltersAWholeIndexIsCaught() throws SQLException {
        SentStatements.Sent search = new SentStatements.Sent("""
                SELECT o.order_id FROM (SELECT * FROM order_history.orders
                      WHERE user_id IN (SELECT found.user_id FROM order_history.customers found
                                        WHERE lower(found.name) LIKE lower($1) OR found.email ILIKE $2)
                      ORDER BY placed_at DESC NULLS LAST, order_id LIMIT $3 OFFSET $4) o""",
                List.of(1043, 1043, 23, 20), "OrderHistoryStore.search");
        GenericPlans.Plan plan = planOf(search);
        assertThat(plan.failure()).isNull();
        assertThat(unservedTables(plan)).contains("order_history.customers");
    }

    private GenericPlans.Plan planOf(SentStatements.Sent statement) throws SQLException {
        try (GenericPlans generic = GenericPlans.on(database.dataSource())) {
            return generic.of(statement);
        }
    }

    /** The large tables the plan reads all of: sequentially, or through an index with no condition while filtering. */
    private Set<String> unservedTables(GenericPlans.Plan plan) {
        Set<String> tables = new TreeSet<>(queries.sequentiallyScanned(plan.text()));
        tables.addAll(plan.filteredWholeIndexReads(queries.largeTables()));
        return tables;
    }

    private static String abbreviated(String sql) {
        String flat = sql.strip().replaceAll("\\s+", " ");
        return flat.length() > 100 ? flat.substring(0, 97) + "…" : flat;
    }

    /** The parts of the application that touch its large tables, each once, as customers, support and an operator would. */
    private record RequestPaths(HttpClient http, DatabaseInspector database) {

        /** A step that failed would leave its statements out of the recording, unnoticed. */
        private static void answered(MvcTestResult result) {
            assertThat(result.getResponse().getStatus()).as(HttpClient.body(result)).isBetween(200, 299);
        }

        void walk() {
            UUID customer = http.registerCustomer("Index Walker");
            UUID poor = http.registerCustomer("Index Pauper");
            answered(http.get("/v1/users/" + customer));
            answered(http.get("/v1/users?ids=" + customer + "," + poor));
            answered(http.patch("/v1/users/" + customer, "{\"name\":\"Index Walker-Renamed\"}"));
            String topUp = "{\"amount\":10000,\"currency\":\"EUR\"}";
            String key = UUID.randomUUID().toString();
            answered(http.post("/v1/billing/accounts/" + customer + "/top-ups", topUp, key));
            answered(http.post("/v1/billing/accounts/" + customer + "/top-ups", topUp, key));
            String paid = http.placeOrder(customer, 1_500);
            String cancelled = http.placeOrder(customer, 700);
            String order = "{\"userId\":\"" + poor + "\",\"currency\":\"EUR\",\"lines\":[{\"sku\":\"ITEM\",\"quantity\":1,\"unitPrice\":900}]}";
            String orderKey = UUID.randomUUID().toString();
            answered(http.post("/v1/orders", order, orderKey));
            answered(http.post("/v1/orders", order, orderKey));
            http.awaitJson("/v1/orders/" + paid, "$.status", "PAID");
            http.awaitJson("/v1/orders/" + cancelled, "$.status", "PAID");
            answered(http.post("/v1/orders/" + cancelled + "/cancel", ""));
            answered(http.get("/v1/orders?userId=" + customer));
            answered(http.get("/v1/orders"));
            answered(http.get("/v1/dashboard/" + customer));
            answered(http.get("/v1/billing/summary/" + customer));
            http.awaitStatus("/v1/support/order-history?customer=" + customer, status -> status == 200);
            Instant now = Instant.now();
            answered(http.get("/v1/support/order-history"));
            answered(http.get("/v1/support/order-history?customer=" + customer));
            answered(http.get("/v1/support/order-history?status=PAYMENT_FAILED"));
            answered(http.get("/v1/support/order-history?from=" + now.minus(1, ChronoUnit.DAYS) + "&to=" + now.plus(1, ChronoUnit.DAYS)));
            answered(http.get("/v1/support/order-history?q=Walker"));
            answered(http.get("/v1/admin/read-models/order-history"));
            answered(http.get("/v1/admin/events"));
            answered(http.get("/v1/admin/events?state=PARKED"));
            UUID publication = database.sql("SELECT id FROM events.event_publication ORDER BY publication_date DESC LIMIT 1")
                    .query(UUID.class).single();
            answered(http.get("/v1/admin/events/" + publication));
            UUID leaving = http.registerCustomer("Index Leaver");
            answered(http.post("/v1/users/" + leaving + "/deactivate", ""));
            http.awaitJson("/v1/billing/summary/" + leaving, "$.active", false);
            http.runJob("history.rebuild");
            answered(http.get("/v1/support/order-history")); // from the table the rebuild filled
            http.runJob("history.order-history");
            http.runJob("billing.user-copy");
            answered(http.post("/v1/admin/retention", ""));
            answered(http.get("/v1/admin/retention"));
        }
    }
}
