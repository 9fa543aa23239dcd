package dev.bulkhead.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bench/volume/request-path-queries.sql} explained on the generated volume: EXPLAIN (ANALYZE, BUFFERS, VERBOSE)
 * of each statement, in a transaction rolled back (some write), with the planner's own choices (nothing switched off).
 * The application's {@code RequestPathIndexTests} reads the same file.
 */
final class RequestPathPlans {

    private static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):([a-z_]+)\\b");
    private static final Pattern SEQ_SCAN = Pattern.compile("Seq Scan on (\\w+)\\.(\\w+)");
    private static final Pattern EXECUTION = Pattern.compile("Execution Time: ([0-9.]+) ms");
    private static final Pattern NODE = Pattern.compile("^\\s*(?:->\\s*)?([A-Z][A-Za-z ]+?(?: using \\w+)?(?: on [\\w.]+(?: \\w+)?)?)\\s+\\(cost");
    private static final Pattern ROWS_REMOVED = Pattern.compile("Rows Removed by Filter: (\\d+)");
    private static final Pattern BUFFERS = Pattern.compile("Buffers: shared hit=(\\d+)(?: read=(\\d+))?");

    record Query(String name, String source, String knownMiss, String bulk, String sql) {
    }

    /** One statement's plan on the volume: its scan nodes, time, buffers, and the large tables read sequentially. */
    record Plan(Query query, List<String> nodes, double milliseconds, long rowsRemovedByFilter, long buffers,
            Set<String> sequentialScans, String text) {
    }

    private final List<Query> queries = new ArrayList<>();
    private final Set<String> largeTables = new LinkedHashSet<>();
    private final String parameters;

    RequestPathPlans(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher tables = Pattern.compile("-- large tables:((?:.|\\n--  )*)").matcher(text);
        if (!tables.find()) {
            throw new IllegalStateException(file + " names no large tables");
        }
        for (String table : tables.group(1).replace("--", "").split(",")) {
            largeTables.add(table.strip());
        }
        String found = null;
        for (String block : text.split("\n(?=-- query: |-- parameters\n)")) {
            if (block.startsWith("-- query: ")) {
                queries.add(query(block));
            } else if (block.startsWith("-- parameters")) {
                found = VolumeScript.statements(block).get(0);
            }
        }
        if (found == null) {
            throw new IllegalStateException(file + " has no parameters query");
        }
        parameters = found;
    }

    private static Query query(String block) {
        String name = null;
        String source = null;
        String knownMiss = null;
        String bulk = null;
        for (String line : block.split("\n")) {
            if (line.startsWith("-- query: ")) {
                name = line.substring("-- query: ".length()).strip();
            } else if (line.startsWith("-- source: ")) {
                source = line.substring("-- source: ".length()).strip();
            } else if (line.startsWith("-- known-miss: ")) {
                knownMiss = line.substring("-- known-miss: ".length()).strip();
            } else if (line.startsWith("-- bulk: ")) {
                bulk = line.substring("-- bulk: ".length()).strip();
            }
        }
        return new Query(name, source, knownMiss, bulk, VolumeScript.statements(block).get(0));
    }

    Set<String> largeTables() {
        return largeTables;
    }

    /** Fewer rows than this and a sequential scan is the right plan (the read model's second table before a rebuild). */
    private static final long HOLDS_ROWS = 10_000;

    private final Set<String> nearlyEmpty = new LinkedHashSet<>();

    List<Plan> explainAll(Connection connection) throws SQLException {
        Map<String, String> values = parameterValues(connection);
        for (String table : largeTables) {
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                    "SELECT reltuples FROM pg_class WHERE oid = to_regclass('" + table + "')")) {
                if (rows.next() && rows.getDouble(1) < HOLDS_ROWS) {
                    nearlyEmpty.add(table);
                }
            }
        }
        List<Plan> plans = new ArrayList<>();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            for (Query query : queries) {
                String bound = bind(query.sql(), values);
                // twice, the first to warm the cache as a request path's table would be: the second is the figure
                explain(connection, bound);
                String text = explain(connection, bound);
                plans.add(plan(query, text));
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
        return plans;
    }

    private String explain(Connection connection, String sql) throws SQLException {
        StringBuilder text = new StringBuilder();
        try (Statement statement = connection.createStatement()) {
            statement.execute("SAVEPOINT explained");
            try (ResultSet lines = statement.executeQuery("EXPLAIN (ANALYZE, BUFFERS, VERBOSE) " + sql)) {
                while (lines.next()) {
                    text.append(lines.getString(1)).append('\n');
                }
            }
            statement.execute("ROLLBACK TO SAVEPOINT explained"); // the statements that write leave nothing behind
        }
        return text.toString();
    }

    private Plan plan(Query query, String text) {
        List<String> nodes = new ArrayList<>();
        long removed = 0;
        long buffers = 0;
        boolean firstBuffers = true;
        for (String line : text.split("\n")) {
            Matcher node = NODE.matcher(line);
            if (node.find()) {
                nodes.add(node.group(1).strip());
            }
            Matcher filtered = ROWS_REMOVED.matcher(line);
            if (filtered.find()) {
                removed += Long.parseLong(filtered.group(1));
            }
            Matcher buffer = BUFFERS.matcher(line);
            if (buffer.find() && firstBuffers) { // the top node's buffers include its children's
                buffers = Long.parseLong(buffer.group(1)) + (buffer.group(2) == null ? 0 : Long.parseLong(buffer.group(2)));
                firstBuffers = false;
            }
        }
        Matcher execution = EXECUTION.matcher(text);
        double millis = execution.find() ? Double.parseDouble(execution.group(1)) : Double.NaN;
        Set<String> scanned = new LinkedHashSet<>();
        Matcher scan = SEQ_SCAN.matcher(text);
        while (scan.find()) {
            String table = scan.group(1) + "." + scan.group(2);
            if (largeTables.contains(table) && !nearlyEmpty.contains(table)) {
                scanned.add(table);
            }
        }
        return new Plan(query, nodes, millis, removed, buffers, scanned, text);
    }

    private Map<String, String> parameterValues(Connection connection) throws SQLException {
        Map<String, String> values = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(parameters)) {
            if (!row.next()) {
                throw new IllegalStateException("the parameters query found no order: is the database empty?");
            }
            ResultSetMetaData columns = row.getMetaData();
            for (int i = 1; i <= columns.getColumnCount(); i++) {
                String value = row.getString(i);
                values.put(columns.getColumnLabel(i), value == null ? "NULL" : "'" + value.replace("'", "''") + "'");
            }
        }
        return values;
    }

    private static String bind(String sql, Map<String, String> values) {
        Matcher parameter = PARAMETER.matcher(sql);
        StringBuilder bound = new StringBuilder();
        while (parameter.find()) {
            String value = values.get(parameter.group(1));
            if (value == null) {
                throw new IllegalStateException("no value for :" + parameter.group(1));
            }
            parameter.appendReplacement(bound, Matcher.quoteReplacement(value));
        }
        parameter.appendTail(bound);
        return bound.toString();
    }
}
