package dev.bulkhead.volume;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The volume rehearsal's generator script, {@code bench/volume/generate.sql}, read as the bench driver reads it: steps
 * begin at "-- step: name", statements end with ";" at the end of a line, {@code {{name}}} is a setting. A statement of
 * a step named "check: ..." that returns a row has found broken data, and fails the run with that row's text.
 */
final class SqlScript {

    static final Path GENERATOR = Path.of("bench/volume/generate.sql");

    private static final Pattern STEP = Pattern.compile("^-- step: (.+)$", Pattern.MULTILINE);
    private static final Pattern SETTING = Pattern.compile("\\{\\{(\\w+)}}");

    record Step(String name, List<String> statements) {
    }

    private final List<Step> steps;

    private SqlScript(List<Step> steps) {
        this.steps = steps;
    }

    static SqlScript read(Path file, Map<String, Object> settings) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher setting = SETTING.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (setting.find()) {
            Object value = settings.get(setting.group(1));
            if (value == null) {
                throw new IllegalArgumentException(file + " needs the setting " + setting.group(1));
            }
            setting.appendReplacement(filled, Matcher.quoteReplacement(value.toString()));
        }
        setting.appendTail(filled);
        List<Step> steps = new ArrayList<>();
        Matcher step = STEP.matcher(filled);
        List<int[]> starts = new ArrayList<>();
        while (step.find()) {
            starts.add(new int[] { step.start(), step.end() });
        }
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : filled.length();
            String name = filled.substring(starts.get(i)[0], starts.get(i)[1]).substring("-- step: ".length()).trim();
            steps.add(new Step(name, statements(filled.substring(starts.get(i)[1], end))));
        }
        return new SqlScript(steps);
    }

    static List<String> statements(String text) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.strip().startsWith("--") && current.toString().isBlank()) {
                continue;
            }
            current.append(line).append('\n');
            if (line.stripTrailing().endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalArgumentException("a statement does not end with ';': " + current);
        }
        return statements;
    }

    List<Step> steps() {
        return steps;
    }

    /** Runs every step on {@code connection}, in its current transaction mode. */
    void run(Connection connection) throws SQLException {
        run(connection, step -> true);
    }

    /** Runs the steps {@code which} accepts, in order. */
    void run(Connection connection, java.util.function.Predicate<Step> which) throws SQLException {
        for (Step step : steps.stream().filter(which).toList()) {
            for (String sql : step.statements()) {
                try (Statement statement = connection.createStatement()) {
                    boolean rows = statement.execute(sql);
                    if (rows && step.name().startsWith("check:")) {
                        try (ResultSet found = statement.getResultSet()) {
                            if (found.next()) {
                                throw new IllegalStateException("the generated data is broken: " + found.getString(1));
                            }
                        }
                    }
                }
            }
        }
    }
}
