package modulith.boundaries.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of a {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE} or {@code ALTER FUNCTION|PROCEDURE}
 * statement: everything but its bodies (dollar-quoted or string literals). A {@code SET} clause
 * there configures the routine, while the same words inside a body run as a statement of their own.
 */
final class RoutineHeader {

    private static final Pattern ROUTINE = Pattern.compile("^(?:CREATE\\s+(?:OR\\s+REPLACE\\s+)?|ALTER\\s+)(?:FUNCTION|PROCEDURE)"
            + "\\s+[^\\s(]+", Pattern.CASE_INSENSITIVE);

    private final String name;
    private final List<int[]> bodies;

    private RoutineHeader(String name, List<int[]> bodies) {
        this.name = name;
        this.bodies = bodies;
    }

    /** The header of the statement (comments already blanked), if it defines or alters a routine. */
    static Optional<RoutineHeader> of(String statement) {
        Matcher routine = ROUTINE.matcher(statement);
        return routine.find() ? Optional.of(new RoutineHeader(routine.group(), bodiesOf(statement))) : Optional.empty();
    }

    /** {@code CREATE FUNCTION billing.balance(…)}, to show which routine a clause belongs to. */
    String name() {
        return name.replaceAll("\\s+", " ") + "(…)";
    }

    /** Whether a position of the statement lies in the header, not in a body. */
    boolean contains(int position) {
        return bodies.stream().noneMatch(body -> position >= body[0] && position < body[1]);
    }

    private static List<int[]> bodiesOf(String sql) {
        List<int[]> bodies = new ArrayList<>();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            int end;
            if (c == '\'') {
                end = quotedEnd(sql, i, '\'');
                bodies.add(new int[] {i, end});
            } else if (c == '"') {
                end = quotedEnd(sql, i, '"'); // an identifier, part of the header
            } else if (c == '$' && QualifiedNameScanner.dollarTagEnd(sql, i) > 0) {
                int tagEnd = QualifiedNameScanner.dollarTagEnd(sql, i);
                int close = sql.indexOf(sql.substring(i, tagEnd), tagEnd);
                end = close < 0 ? sql.length() : close + (tagEnd - i);
                bodies.add(new int[] {i, end});
            } else {
                end = i + 1;
            }
            i = end;
        }
        return bodies;
    }

    private static int quotedEnd(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }
}
