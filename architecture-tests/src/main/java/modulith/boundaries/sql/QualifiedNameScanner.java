package modulith.boundaries.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds every dotted name ({@code a.b}) in SQL text, skipping comments and string literals but
 * reading inside dollar-quoted bodies. It is the safety net for what JSqlParser cannot see into:
 * PL/pgSQL function bodies, triggers and statements it cannot parse. It cannot tell a schema from
 * a table alias, so callers only act on names whose first part is a known schema.
 */
public final class QualifiedNameScanner {

    private QualifiedNameScanner() {
    }

    /** Each dotted name as schema (first part) and name (second part). */
    public static List<TableReference> scan(String sql) {
        List<TableReference> found = new ArrayList<>();
        int i = 0;
        int length = sql.length();
        while (i < length) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
                i = skipTo(sql, i, "\n");
            } else if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
                i = skipTo(sql, i + 2, "*/");
            } else if (c == '\'') {
                i = skipQuoted(sql, i, '\'');
            } else if (c == '$' && dollarTagEnd(sql, i) > 0) {
                i = dollarTagEnd(sql, i); // the tag itself; the body is scanned like any other text
            } else if (c == '"' || Character.isLetter(c) || c == '_') {
                int[] end = new int[1];
                String first = identifier(sql, i, end);
                int next = end[0];
                if (next < length && sql.charAt(next) == '.' && next + 1 < length
                        && (sql.charAt(next + 1) == '"' || Character.isLetter(sql.charAt(next + 1)) || sql.charAt(next + 1) == '_')) {
                    String second = identifier(sql, next + 1, end);
                    found.add(new TableReference(first, second, TableReference.Kind.QUALIFIED_NAME));
                    next = end[0];
                    while (next < length && sql.charAt(next) == '.') { // a.b.c: the rest is a column or member
                        next++;
                        identifier(sql, next, end);
                        next = Math.max(end[0], next);
                    }
                }
                i = Math.max(next, i + 1);
            } else {
                i++;
            }
        }
        return found;
    }

    private static String identifier(String sql, int start, int[] end) {
        if (start < sql.length() && sql.charAt(start) == '"') {
            int close = sql.indexOf('"', start + 1);
            int stop = close < 0 ? sql.length() : close + 1;
            end[0] = stop;
            return sql.substring(start, stop);
        }
        int i = start;
        while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
            i++;
        }
        end[0] = i;
        return sql.substring(start, i);
    }

    private static int skipTo(String sql, int from, String terminator) {
        int at = sql.indexOf(terminator, from);
        return at < 0 ? sql.length() : at + terminator.length();
    }

    private static int skipQuoted(String sql, int start, char quote) {
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

    /** The index after a dollar-quote tag ({@code $$} or {@code $body$}) starting at {@code start}, or -1. */
    static int dollarTagEnd(String sql, int start) {
        int i = start + 1;
        while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
            if (Character.isDigit(sql.charAt(i)) && i == start + 1) {
                return -1; // $1 is a parameter, not a tag
            }
            i++;
        }
        return i < sql.length() && sql.charAt(i) == '$' ? i + 1 : -1;
    }
}
