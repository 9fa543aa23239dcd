package dev.bulkhead.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulkhead.testing.DatabaseInspector;
import dev.bulkhead.testing.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Every statement Bulkhead runs on a large table has an index that serves it (issue 22 item 4, ADR 0040). The
 * statements are those of {@code bench/volume/request-path-queries.sql}, which the volume rehearsal explains on a
 * million orders; here each is explained on a few hundred rows of the same generator with sequential scans switched
 * off, so that the planner takes any index that can serve the statement: a plan that still reads a large table
 * sequentially means none can. The generator runs with every trigger on, so this also checks that its data satisfies
 * the billing schema's ledger chain and balance checks. Everything happens in one transaction that is rolled back:
 * the other tests sharing the database never see the rows. {@link SentStatementIndexTests} holds the list to the code:
 * it checks the statements the application really sends, and that the list names every method among them that reads
 * a large table other than by its key.
 */
@IntegrationTest
class RequestPathIndexTests {

    private static final Map<String, Object> A_FEW_HUNDRED_ORDERS = Map.of("orders", 400, "users", 40, "days", 60,
            "publication_days", 14, "trigger_mode", "origin",
            "order_ids", "time-ordered");
    private static final Pattern CLASS_AND_MEMBER = Pattern.compile("^([A-Z]\\w+)\\.(\\w+)");

    @Autowired
    DatabaseInspector database;

    private RequestPathQueries queries;

    @BeforeEach
    void read() {
        queries = RequestPathQueries.read();
    }

    @Test
    void noStatementOnALargeTableIsLeftWithoutAnIndex() throws SQLException {
        List<String> unserved = new ArrayList<>();
        withGeneratedData(connection -> {
            Map<String, String> values = queries.parameterValues(connection);
            for (RequestPathQueries.Query query : queries.queries()) {
                String plan = explain(connection, RequestPathQueries.bind(query.sql(), values));
                Set<String> scanned = queries.sequentiallyScanned(plan);
                if (!scanned.isEmpty()) {
                    unserved.add("query " + query.name() + " (" + query.source() + ") reads " + scanned
                            + " sequentially: no index serves it. Add one in the owning module's db/<module>/ migration for"
                            + " its WHERE and ORDER BY, or write the statement so that an existing index serves it."
                            + " Plan:\n" + plan);
                }
            }
        });
        assertThat(unserved).as("statements on large tables without an index").isEmpty();
    }

    /** Attacks the check itself: a statement no index can serve is caught, with the table it scans. */
    @Test
    void aStatementNoIndexServesIsCaught() throws SQLException {
        withGeneratedData(connection -> {
            // what Spring Data's existsByEmailIgnoreCase sent before issue 22: upper(), where the index is on lower()
            String plan = explain(connection, "select u1_0.id from users.users u1_0 where upper(u1_0.email) = upper('ADA@EXAMPLE.COM')"
                    + " fetch first 1 rows only");
            assertThat(queries.sequentiallyScanned(plan)).containsExactly("users.users");
            // what support's newest orders cost before db/order V5, with that index gone again (in this transaction only)
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP INDEX orders.orders_by_placed");
            }
            String newest = queries.queries().stream().filter(query -> query.name().equals("order.newest")).findFirst()
                    .orElseThrow().sql();
            assertThat(queries.sequentiallyScanned(explain(connection, newest))).containsExactly("orders.orders");
        });
    }

    /** Attacks the generator's own check: a balance that differs from its ledger fails the run, naming the account. */
    @Test
    void theGeneratorFindsABalanceThatDiffersFromItsLedger() throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try {
                SqlScript generator = SqlScript.read(SqlScript.GENERATOR, A_FEW_HUNDRED_ORDERS);
                generator.run(connection, step -> !step.name().startsWith("check:"));
                try (Statement statement = connection.createStatement()) {
                    statement.execute("UPDATE billing.accounts SET balance_minor = balance_minor + 1"
                            + " WHERE user_id = (SELECT id FROM vol_users ORDER BY user_no LIMIT 1)");
                }
                assertThatThrownBy(() -> generator.run(connection, step -> step.name().startsWith("check:")))
                        .hasMessageContaining("the generated data is broken: account");
            } finally {
                connection.rollback();
            }
        }
    }

    @Test
    void everyStatementNamesWhereTheCodeSendsIt() throws IOException {
        List<String> missing = new ArrayList<>();
        for (RequestPathQueries.Query query : queries.queries()) {
            Matcher named = CLASS_AND_MEMBER.matcher(query.source());
            if (named.find() && !declares(named.group(1), named.group(2))) {
                missing.add(query.name() + ": " + named.group(1) + "." + named.group(2));
            }
        }
        assertThat(queries.queries()).hasSizeGreaterThan(30);
        assertThat(missing).as("sources that no longer exist in src/main/java: update request-path-queries.sql").isEmpty();
    }

    private static boolean declares(String className, String member) throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<Path> found = files.filter(file -> file.getFileName().toString().equals(className + ".java")).toList();
            for (Path file : found) {
                String source = Files.readString(file);
                if (Pattern.compile("\\b" + member + "\\b").matcher(source).find()
                        || source.contains("extends JpaRepository") && inheritedFromJpaRepository(member)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static boolean inheritedFromJpaRepository(String method) {
        return Arrays.stream(JpaRepository.class.getMethods()).anyMatch(candidate -> candidate.getName().equals(method));
    }

    private interface WithConnection {
        void accept(Connection connection) throws SQLException;
    }

    /** Generates a few hundred orders with every trigger on, checks them, runs {@code work}, and rolls it all back. */
    private void withGeneratedData(WithConnection work) throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try {
                SqlScript.read(SqlScript.GENERATOR, A_FEW_HUNDRED_ORDERS).run(connection);
                try (Statement statement = connection.createStatement()) {
                    // the deferred balance checks of db/billing fire now, not at a commit that never comes
                    statement.execute("SET CONSTRAINTS ALL IMMEDIATE");
                    statement.execute("SET LOCAL enable_seqscan = off");
                }
                work.accept(connection);
            } finally {
                connection.rollback();
            }
        }
    }

    private static String explain(Connection connection, String sql) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Statement statement = connection.createStatement(); ResultSet lines = statement.executeQuery("EXPLAIN (VERBOSE) " + sql)) {
            while (lines.next()) {
                plan.append(lines.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }
}
