package modulith.boundaries.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a migration script into statements, each with the line it starts on. Semicolons inside
 * string literals, quoted identifiers, comments and dollar-quoted bodies ({@code $$ … $$}) do not
 * end a statement. Comments are blanked out (line breaks kept) so the parser never sees them.
 */
public final class SqlScript {

    private SqlScript() {
    }

    /**
     * @param sql    the statement, comments blanked out, without its {@code ;}, stripped
     * @param line   1-based line of the statement's first character in the script
     * @param offset index of the statement's first character in the script: a position inside
     *               {@code sql} plus this offset is the same position in the script
     */
    public record ScriptStatement(String sql, int line, int offset) {
    }

    public static List<ScriptStatement> split(String script) {
        List<ScriptStatement> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder(); // as long as the script since currentStart: comments are blanked, not cut
        int currentStart = 0;
        int line = 1;
        int startLine = -1;
        int i = 0;
        while (i < script.length()) {
            char c = script.charAt(i);
            int consumedTo;
            if (c == '-' && next(script, i) == '-') {
                consumedTo = indexAfter(script, i, "\n", false);
                blank(current, script, i, consumedTo);
            } else if (c == '/' && next(script, i) == '*') {
                consumedTo = indexAfter(script, i + 2, "*/", true);
                blank(current, script, i, consumedTo);
            } else if (c == '\'' || c == '"') {
                consumedTo = quotedEnd(script, i, c);
                startLine = startLine < 0 ? line : startLine;
                current.append(script, i, consumedTo);
            } else if (c == '$' && QualifiedNameScanner.dollarTagEnd(script, i) > 0) {
                int tagEnd = QualifiedNameScanner.dollarTagEnd(script, i);
                String tag = script.substring(i, tagEnd);
                consumedTo = indexAfter(script, tagEnd, tag, true);
                startLine = startLine < 0 ? line : startLine;
                current.append(script, i, consumedTo);
            } else if (c == ';') {
                consumedTo = i + 1;
                if (!current.toString().isBlank()) {
                    statements.add(statement(current, startLine, currentStart));
                }
                current.setLength(0);
                currentStart = consumedTo;
                startLine = -1;
            } else {
                consumedTo = i + 1;
                if (!Character.isWhitespace(c) && startLine < 0) {
                    startLine = line;
                }
                current.append(c);
            }
            line += countLineBreaks(script, i, consumedTo);
            i = consumedTo;
        }
        if (!current.toString().isBlank()) {
            statements.add(statement(current, startLine, currentStart));
        }
        return statements;
    }

    private static ScriptStatement statement(StringBuilder current, int startLine, int currentStart) {
        String text = current.toString();
        int leadingBlanks = text.length() - text.stripLeading().length();
        return new ScriptStatement(text.strip(), startLine, currentStart + leadingBlanks);
    }

    private static char next(String script, int i) {
        return i + 1 < script.length() ? script.charAt(i + 1) : '\0';
    }

    private static int indexAfter(String script, int from, String terminator, boolean includeTerminator) {
        int at = script.indexOf(terminator, from);
        if (at < 0) {
            return script.length();
        }
        return includeTerminator ? at + terminator.length() : at;
    }

    private static int quotedEnd(String script, int start, char quote) {
        int i = start + 1;
        while (i < script.length()) {
            if (script.charAt(i) == quote) {
                if (next(script, i) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return script.length();
    }

    private static void blank(StringBuilder current, String script, int from, int to) {
        for (int i = from; i < to; i++) {
            current.append(script.charAt(i) == '\n' ? '\n' : ' ');
        }
    }

    private static int countLineBreaks(String script, int from, int to) {
        int breaks = 0;
        for (int i = from; i < to; i++) {
            if (script.charAt(i) == '\n') {
                breaks++;
            }
        }
        return breaks;
    }
}
