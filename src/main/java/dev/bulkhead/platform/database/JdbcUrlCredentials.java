package dev.bulkhead.platform.database;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Removes {@code user} and {@code password} parameters from a PostgreSQL JDBC URL. The driver lets
 * such parameters win over the credentials a pool is given, so a URL like
 * {@code jdbc:postgresql://db/shop?user=postgres} would silently log every module in as that user:
 * one identity for all, the very thing module logins exist to prevent.
 */
final class JdbcUrlCredentials {

    private JdbcUrlCredentials() {
    }

    static String strip(String url) {
        int query = url.indexOf('?');
        if (query < 0) {
            return url;
        }
        String kept = Arrays.stream(url.substring(query + 1).split("&"))
                .filter(parameter -> !parameter.isEmpty() && !isCredential(parameter))
                .collect(Collectors.joining("&"));
        return kept.isEmpty() ? url.substring(0, query) : url.substring(0, query + 1) + kept;
    }

    private static boolean isCredential(String parameter) {
        String name = parameter.split("=", 2)[0].toLowerCase(Locale.ROOT);
        return name.equals("user") || name.equals("password"); // PostgreSQL's URL parameters, not a module
    }
}
