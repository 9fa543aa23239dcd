package dev.bulkhead.volume;

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
 * {@code bench/volume/request-path-queries.sql}: the statements Bulkhead runs on its large tables, each with its name
 * and where the code sends it, the list of large tables, and the query that picks a value for each parameter. The
 * volume rehearsal reads the same file.
 */
final class RequestPathQueries {

    static final Path FILE = Path.of("bench/volume/request-path-queries.sql");

    private static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):([a-z_]+)\\b");
    private static final Pattern SOURCE_METHOD = Pattern.compile("\\b[A-Z]\\w*\\.[a-z]\\w*\\b");
    private static final Pattern SEQ_SCAN = Pattern.compile("Seq Scan on (\\w+)\\.(\\w+)");

    record Query(String name, String source, String knownMiss, String sql) {
    }

    private final List<Query> queries;
    private final Set<String> largeTables;
    private final String parameters;

    private RequestPathQueries(List<Query> queries, Set<String> largeTables, String parameters) {
        this.queries = queries;
        this.largeTables = largeTables;
        this.parameters = parameters;
    }

    static RequestPathQueries read() {
        String text;
        try {
            text = Files.readString(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> large = new LinkedHashSet<>();
        Matcher tables = Pattern.compile("-- large tables:((?:.|\\n--  )*)").matcher(text);
        if (!tables.find()) {
            throw new IllegalStateException(FILE + " names no large tables");
        }
        for (String table : tables.group(1).replace("--", "").split(",")) {
            large.add(table.strip());
        }
        String[] blocks = text.split("\n(?=-- query: |-- parameters\n)");
        List<Query> queries = new ArrayList<>();
        String parameters = null;
        for (String block : blocks) {
            if (block.startsWith("-- query: ")) {
                queries.add(query(block));
            } else if (block.startsWith("-- parameters")) {
                parameters = SqlScript.statements(block).get(0);
            }
        }
        if (parameters == null) {
            throw new IllegalStateException(FILE + " has no parameters query");
        }
        return new RequestPathQueries(queries, large, parameters);
    }

    private static Query query(String block) {
        String name = null;
        String source = null;
        String knownMiss = null;
        for (String line : block.split("\n")) {
            if (line.startsWith("-- query: ")) {
                name = line.substring("-- query: ".length()).strip();
            } else if (line.startsWith("-- source: ")) {
                source = line.substring("-- source: ".length()).strip();
            } else if (line.startsWith("-- known-miss: ")) {
                knownMiss = line.substring("-- known-miss: ".length()).strip();
            }
        }
        List<String> statements = SqlScript.statements(block);
        if (name == null || source == null || statements.size() != 1) {
            throw new IllegalStateException("query block needs a name, a source and one statement: " + block);
        }
        return new Query(name, source, knownMiss, statements.get(0));
    }

    List<Query> queries() {
        return queries;
    }

    Set<String> largeTables() {
        return largeTables;
    }

    /** Every method of the code the sources name ({@code Class.method}), for the statements it sends. */
    Set<String> sourceMethods() {
        Set<String> methods = new LinkedHashSet<>();
        for (Query query : queries) {
            Matcher method = SOURCE_METHOD.matcher(query.source());
            while (method.find()) {
                methods.add(method.group());
            }
        }
        return methods;
    }

    /** A value of the data in the database for each parameter, as SQL literals. */
    Map<String, String> parameterValues(Connection connection) throws SQLException {
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

    /** The statement with every parameter replaced by its literal. */
    static String bind(String sql, Map<String, String> values) {
        Matcher parameter = PARAMETER.matcher(sql);
        StringBuilder bound = new StringBuilder();
        while (parameter.find()) {
            String value = values.get(parameter.group(1));
            if (value == null) {
                throw new IllegalStateException("no value for :" + parameter.group(1) + " in the parameters query");
            }
            parameter.appendReplacement(bound, Matcher.quoteReplacement(value));
        }
        parameter.appendTail(bound);
        return bound.toString();
    }

    /** The large tables a plan (EXPLAIN VERBOSE, text) reads sequentially. */
    Set<String> sequentiallyScanned(String plan) {
        Set<String> scanned = new LinkedHashSet<>();
        Matcher scan = SEQ_SCAN.matcher(plan);
        while (scan.find()) {
            String table = scan.group(1) + "." + scan.group(2);
            if (largeTables.contains(table)) {
                scanned.add(table);
            }
        }
        return scanned;
    }
}
