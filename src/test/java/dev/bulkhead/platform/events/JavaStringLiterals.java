package dev.bulkhead.platform.events;

import java.util.ArrayList;
import java.util.List;

/**
 * The string literals and text blocks of a Java source file, in order, without comments: where a class keeps
 * its SQL. A small lexer rather than a regular expression, because comments may quote and strings may hold
 * {@code //}.
 */
final class JavaStringLiterals {

    private JavaStringLiterals() {
    }

    static List<String> of(String source) {
        List<String> literals = new ArrayList<>();
        int i = 0;
        while (i < source.length()) {
            if (source.startsWith("//", i)) {
                i = endOf(source, "\n", i + 2);
            } else if (source.startsWith("/*", i)) {
                i = endOf(source, "*/", i + 2);
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                literals.add(source.substring(i + 3, end));
                i = end + 3;
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                char quote = source.charAt(i);
                StringBuilder literal = new StringBuilder();
                i++;
                while (source.charAt(i) != quote) {
                    if (source.charAt(i) == '\\') {
                        literal.append(source.charAt(i));
                        i++;
                    }
                    literal.append(source.charAt(i));
                    i++;
                }
                if (quote == '"') {
                    literals.add(literal.toString());
                }
                i++;
            } else {
                i++;
            }
        }
        return literals;
    }

    private static int endOf(String source, String terminator, int from) {
        int end = source.indexOf(terminator, from);
        return end < 0 ? source.length() : end + terminator.length();
    }
}
