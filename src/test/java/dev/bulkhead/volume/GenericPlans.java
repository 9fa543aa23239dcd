package dev.bulkhead.volume;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The plan PostgreSQL makes of a statement as it was sent, with its parameters unknown: the generic plan of a prepared
 * statement, which serves every call once the server keeps the statement. Sequential scans are switched off, so the
 * planner takes any index that can serve the statement. Nothing is executed; each plan is made in a transaction
 * rolled back, on one connection of the test server's own.
 */
final class GenericPlans implements AutoCloseable {

    private static final Pattern EXPLAINABLE = Pattern.compile("^\\s*(?:select|with|insert|update|delete)\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern SCAN = Pattern.compile("(Seq Scan|Index Scan Backward|Index Only Scan Backward|Index Scan|Index Only Scan|Bitmap Heap Scan)"
            + "(?: using (\\w+))? on (\\w+\\.\\w+)");
    private static final Pattern KEY_CONDITION = Pattern.compile("^\\s*Index Cond: (.*)$");
    private static final Pattern CAST = Pattern.compile("::[\\w ]+?(?=[) ]|$)");
    private static final Pattern EQUALS_PARAMETER = Pattern.compile("[\\w.]+ = \\$\\d+");

    /** A plan as text (EXPLAIN VERBOSE), or why there is none. */
    record Plan(String text, String failure) {

        /**
         * The tables of {@code tables} the plan reads other than by one key: a lookup of the primary key, or of its
         * first columns, each equal to a parameter ({@code Index Cond: (id = $1)}) finds what it returns and nothing else,
         * whatever the volume. Every other read (a range, a list of keys, a filter, a whole index) is what the volume
         * rehearsal has to explain on a million orders.
         */
        Set<String> readsOtherThanByKey(Set<String> tables) {
            Set<String> read = new TreeSet<>();
            List<String> lines = text.lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                Matcher scan = SCAN.matcher(lines.get(i));
                if (!scan.find() || !tables.contains(scan.group(3))) {
                    continue;
                }
                boolean byKey = (scan.group(1).equals("Index Scan") || scan.group(1).equals("Index Only Scan"))
                        && scan.group(2) != null && scan.group(2).endsWith("_pkey") && keyCondition(lines, i + 1);
                if (!byKey) {
                    read.add(scan.group(3));
                }
            }
            return read;
        }

        /**
         * The tables of {@code tables} the plan reads through a whole index while filtering what it reads: an index
         * scan with no index condition and a filter. No sequential scan, yet it reads every entry of the index (a
         * merge join's sorted input, a time order searched for a match) to return those that pass.
         */
        Set<String> filteredWholeIndexReads(Set<String> tables) {
            Set<String> read = new TreeSet<>();
            List<String> lines = text.lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                Matcher scan = SCAN.matcher(lines.get(i));
                if (!scan.find() || !tables.contains(scan.group(3)) || !scan.group(1).startsWith("Index")) {
                    continue;
                }
                boolean condition = false;
                boolean filter = false;
                for (int j = i + 1; j < lines.size() && !lines.get(j).contains("->"); j++) {
                    condition |= lines.get(j).contains("Index Cond:");
                    filter |= lines.get(j).strip().startsWith("Filter:");
                }
                if (filter && !condition) {
                    read.add(scan.group(3));
                }
            }
            return read;
        }

        /** Whether the node whose details start at {@code from} looks its rows up by parameters, one per column. */
        private static boolean keyCondition(List<String> lines, int from) {
            for (int i = from; i < lines.size() && !lines.get(i).contains("->"); i++) {
                Matcher condition = KEY_CONDITION.matcher(lines.get(i));
                if (condition.matches()) {
                    // "((caller)::text = ($2)::text) AND (key = $3)": every column of the condition equal to a parameter
                    String bare = CAST.matcher(condition.group(1)).replaceAll("").replace("(", "").replace(")", "");
                    return Arrays.stream(bare.split(" AND ")).allMatch(term -> EQUALS_PARAMETER.matcher(term.strip()).matches());
                }
            }
            return false;
        }
    }

    private final Connection connection;

    private GenericPlans(Connection connection) {
        this.connection = connection;
    }

    /** Plans on one connection of {@code dataSource}, until closed. */
    static GenericPlans on(DataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        return new GenericPlans(connection);
    }

    /** Whether EXPLAIN takes the statement (not a SET, SHOW, BEGIN or a function call by CALL). */
    static boolean explainable(String sql) {
        return EXPLAINABLE.matcher(sql).find();
    }

    Plan of(SentStatements.Sent statement) throws SQLException {
        try (Statement session = connection.createStatement()) {
            session.execute("SET LOCAL enable_seqscan = off");
            session.execute("SET LOCAL plan_cache_mode = force_generic_plan");
            List<String> types = typeNames(statement.parameterTypes());
            session.execute("PREPARE sent_statement" + (types.isEmpty() ? "" : "(" + String.join(", ", types) + ")")
                    + " AS " + statement.sql());
            StringBuilder plan = new StringBuilder();
            String nulls = String.join(", ", Collections.nCopies(types.size(), "NULL"));
            try (ResultSet lines = session.executeQuery("EXPLAIN (VERBOSE) EXECUTE sent_statement"
                    + (nulls.isEmpty() ? "" : "(" + nulls + ")"))) {
                while (lines.next()) {
                    plan.append(lines.getString(1)).append('\n');
                }
            }
            return new Plan(plan.toString(), null);
        } catch (SQLException e) {
            return new Plan(null, e.getMessage().lines().findFirst().orElse("").toLowerCase(Locale.ROOT));
        } finally {
            connection.rollback();
            // a prepared statement outlives the transaction that made it
            try (Statement session = connection.createStatement()) {
                session.execute("DEALLOCATE ALL");
            }
            connection.rollback();
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    /** The parameters' types by name; oid 0 (the driver left the type to the server) is inferred from the statement. */
    private List<String> typeNames(List<Integer> oids) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement name = connection.prepareStatement("SELECT format_type(?, NULL)")) {
            for (int oid : oids) {
                if (oid == 0) {
                    names.add("unknown");
                    continue;
                }
                name.setInt(1, oid);
                try (ResultSet row = name.executeQuery()) {
                    row.next();
                    names.add(row.getString(1));
                }
            }
        }
        return names;
    }
}
