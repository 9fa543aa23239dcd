package dev.bulkhead.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The volume generator, {@code bench/volume/generate.sql}: steps begin at "-- step: name", statements end with ";" at
 * the end of a line, {@code {{name}}} is a setting. A statement of a step named "check: ..." that returns a row has
 * found broken data and fails the run. The application's {@code RequestPathIndexTests} reads the script the same way
 * (its own copy of these few lines: the driver and the tests share no code).
 */
final class VolumeScript {

    private static final Pattern STEP = Pattern.compile("^-- step: (.+)$", Pattern.MULTILINE);
    private static final Pattern SETTING = Pattern.compile("\\{\\{(\\w+)}}");

    record Step(String name, List<String> statements) {
    }

    private final List<Step> steps;

    private VolumeScript(List<Step> steps) {
        this.steps = steps;
    }

    static VolumeScript read(Path file, Map<String, Object> settings) {
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
            starts.add(new int[] { step.start(), step.end(), step.start(1) });
        }
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : filled.length();
            String name = filled.substring(starts.get(i)[2], starts.get(i)[1]).trim();
            steps.add(new Step(name, statements(filled.substring(starts.get(i)[1], end))));
        }
        return new VolumeScript(steps);
    }

    /** The statements of a text: each ends with ";" at a line's end; comment lines before a statement are left out. */
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

    /** Runs every step on {@code connection} (auto-commit: each statement commits), and says how long each took. */
    Map<String, Double> run(Connection connection) throws SQLException {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (Step step : steps) {
            long start = System.nanoTime();
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
            double took = (System.nanoTime() - start) / 1e9;
            seconds.put(step.name(), took);
            Progress.say("generator: %-70s %6.1f s", step.name(), took);
        }
        return seconds;
    }
}
