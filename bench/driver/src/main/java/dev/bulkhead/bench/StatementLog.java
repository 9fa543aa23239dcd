package dev.bulkhead.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PostgreSQL's {@code log_statement = 'all'} output (prefix {@code '%m|%p|'}) back into transactions:
 * the statements each backend ran between two marker statements, split at BEGIN / COMMIT / ROLLBACK, with the
 * bind parameters from the {@code DETAIL: parameters:} line that follows each extended-protocol execute.
 */
final class StatementLog {

    private static final Pattern ENTRY = Pattern.compile(
            "^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d+ \\S+\\|(\\d+)\\|([A-Z]+):  (.*)$");
    private static final Pattern STATEMENT = Pattern.compile("^(?:execute [^:]+|statement): (.*)$", Pattern.DOTALL);
    private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+) = (NULL|'((?:[^']|'')*)')(?:, |$)", Pattern.DOTALL);

    private record Entry(String pid, String level, String message) {
    }

    /** An open transaction of one backend: whether it began READ ONLY, and its statements so far. */
    private record Open(boolean readOnly, List<CapturedOrder.Statement> statements) {
    }

    private StatementLog() {
    }

    /** The transactions run between {@code SELECT '<begin>'} and {@code SELECT '<end>'}, excluding the markers' session. */
    static CapturedOrder between(Path log, String beginMarker, String endMarker) throws IOException {
        List<Entry> entries = entries(log);
        Map<String, String> sessionSetup = new HashMap<>();
        int begin = -1;
        int end = -1;
        String markerPid = null;
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            if (entry.message().contains("'" + beginMarker + "'")) {
                begin = i;
                markerPid = entry.pid();
            } else if (entry.message().contains("'" + endMarker + "'")) {
                end = i;
            }
            String sql = sql(entry);
            if (sql != null && sql.startsWith("SET ROLE")) {
                sessionSetup.put(entry.pid(), sql);
            }
        }
        if (begin < 0 || end < begin) {
            throw new IllegalStateException("markers not found in " + log);
        }
        Map<String, Open> open = new LinkedHashMap<>();
        List<CapturedOrder.Transaction> transactions = new ArrayList<>();
        for (int i = begin + 1; i < end; i++) {
            Entry entry = entries.get(i);
            String sql = sql(entry);
            if (sql == null || entry.pid().equals(markerPid) || sql.isBlank() || sql.startsWith("SET ROLE")) {
                continue;
            }
            String command = sql.trim().toUpperCase();
            if (command.startsWith("BEGIN")) {
                // pgjdbc sends BEGIN, or BEGIN READ ONLY for a read-only Spring transaction
                open.put(entry.pid(), new Open(command.contains("READ ONLY"), new ArrayList<>()));
            } else if (command.equals("COMMIT") || command.equals("ROLLBACK")) {
                Open transaction = open.remove(entry.pid());
                if (transaction != null) {
                    transactions.add(new CapturedOrder.Transaction(sessionSetup.getOrDefault(entry.pid(), ""),
                            transaction.readOnly(), transaction.statements(), command.equals("ROLLBACK")));
                }
            } else {
                CapturedOrder.Statement statement = new CapturedOrder.Statement(sql, parameters(entries, i, entry.pid()));
                Open current = open.get(entry.pid());
                if (current != null) {
                    current.statements().add(statement);
                } else {
                    transactions.add(new CapturedOrder.Transaction(sessionSetup.getOrDefault(entry.pid(), ""), false,
                            List.of(statement), false));
                }
            }
        }
        if (!open.isEmpty()) {
            throw new IllegalStateException("transactions still open at the end marker: " + open.keySet());
        }
        return new CapturedOrder(transactions);
    }

    private static String sql(Entry entry) {
        if (!entry.level().equals("LOG")) {
            return null;
        }
        Matcher statement = STATEMENT.matcher(entry.message());
        return statement.matches() ? statement.group(1) : null;
    }

    /** The parameters logged right after entry {@code index} by the same backend, if any. */
    private static List<String> parameters(List<Entry> entries, int index, String pid) {
        for (int i = index + 1; i < entries.size() && i < index + 50; i++) {
            Entry next = entries.get(i);
            if (!next.pid().equals(pid)) {
                continue;
            }
            if (!next.level().equals("DETAIL") || !next.message().startsWith("parameters: ")) {
                return List.of();
            }
            List<String> values = new ArrayList<>();
            Matcher parameter = PARAMETER.matcher(next.message().substring("parameters: ".length()));
            while (parameter.find()) {
                values.add(parameter.group(3) == null ? null : parameter.group(3).replace("''", "'"));
            }
            return values;
        }
        return List.of();
    }

    /** Log entries; a line that does not start with the prefix continues the entry before it. */
    private static List<Entry> entries(Path log) throws IOException {
        List<Entry> entries = new ArrayList<>();
        StringBuilder message = null;
        String pid = null;
        String level = null;
        for (String line : Files.readAllLines(log)) {
            Matcher entry = ENTRY.matcher(line);
            if (entry.matches()) {
                if (message != null) {
                    entries.add(new Entry(pid, level, message.toString()));
                }
                pid = entry.group(1);
                level = entry.group(2);
                message = new StringBuilder(entry.group(3));
            } else if (message != null) {
                message.append('\n').append(line.startsWith("\t") ? line.substring(1) : line);
            }
        }
        if (message != null) {
            entries.add(new Entry(pid, level, message.toString()));
        }
        return entries;
    }
}
