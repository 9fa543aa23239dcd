package modulith.boundaries.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * PostgreSQL text as tokens: words (keywords and identifiers, quoted ones with their quotes), string literals (their
 * content, quotes undone), dollar-quoted bodies (their content), numbers and symbols. Comments are dropped. The
 * fallback analysis of migration statements reads names off these, so it never mistakes a word in a string or a
 * comment for a table.
 */
final class SqlTokens {

    enum Type {
        WORD, STRING, BODY, NUMBER, SYMBOL
    }

    /**
     * @param start where the token starts in the text it was read from
     */
    record Token(Type type, String text, int start) {

        boolean isWord(String word) {
            return type == Type.WORD && text.equalsIgnoreCase(word);
        }

        boolean isWordIn(java.util.Set<String> words) {
            return type == Type.WORD && words.contains(text.toUpperCase(Locale.ROOT));
        }

        boolean isSymbol(String symbol) {
            return type == Type.SYMBOL && text.equals(symbol);
        }

        /** An identifier: a word that is not quoted keeps its case folded, as PostgreSQL does. */
        String identifier() {
            return text.startsWith("\"") ? text.substring(1, text.length() - 1).replace("\"\"", "\"") : text.toLowerCase(Locale.ROOT);
        }

        String upper() {
            return text.toUpperCase(Locale.ROOT);
        }
    }

    private SqlTokens() {
    }

    static List<Token> of(String sql) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int length = sql.length();
        while (i < length) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? length : end + 1;
            } else if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? length : end + 2;
            } else if (c == '\'' || (c == 'E' || c == 'e') && i + 1 < length && sql.charAt(i + 1) == '\'') {
                int open = c == '\'' ? i : i + 1;
                int end = quotedEnd(sql, open, '\'');
                String content = sql.substring(open + 1, Math.max(open + 1, end - 1)).replace("''", "'");
                tokens.add(new Token(Type.STRING, content, i));
                i = end;
            } else if (c == '"') {
                int end = quotedEnd(sql, i, '"');
                tokens.add(new Token(Type.WORD, sql.substring(i, end), i));
                i = end;
            } else if (c == '$' && QualifiedNameScanner.dollarTagEnd(sql, i) > 0) {
                int tagEnd = QualifiedNameScanner.dollarTagEnd(sql, i);
                String tag = sql.substring(i, tagEnd);
                int close = sql.indexOf(tag, tagEnd);
                int bodyEnd = close < 0 ? length : close;
                tokens.add(new Token(Type.BODY, sql.substring(tagEnd, bodyEnd), tagEnd));
                i = close < 0 ? length : close + tag.length();
            } else if (Character.isLetter(c) || c == '_') {
                int end = i + 1;
                while (end < length && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_' || sql.charAt(end) == '$')) {
                    end++;
                }
                tokens.add(new Token(Type.WORD, sql.substring(i, end), i));
                i = end;
            } else if (Character.isDigit(c)) {
                int end = i + 1;
                while (end < length && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
                    end++;
                }
                tokens.add(new Token(Type.NUMBER, sql.substring(i, end), i));
                i = end;
            } else if (c == ':' && i + 1 < length && sql.charAt(i + 1) == ':') {
                tokens.add(new Token(Type.SYMBOL, "::", i));
                i += 2;
            } else {
                tokens.add(new Token(Type.SYMBOL, String.valueOf(c), i));
                i++;
            }
        }
        return tokens;
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
