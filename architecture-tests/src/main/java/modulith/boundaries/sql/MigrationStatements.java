package modulith.boundaries.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one migration statement names, and how that was found out: parsed by JSqlParser, analysed by the PostgreSQL
 * fallback ({@link PostgresFallback}) for the kinds JSqlParser cannot read, or, for a statement of a kind neither
 * knows, only scanned for schema-qualified names. The last is reported, so nobody mistakes it for checked.
 */
public final class MigrationStatements {

    private static final java.util.Map<String, Analysis> CACHE = new ConcurrentHashMap<>();

    private static final Pattern SET_CONFIG_SEARCH_PATH = Pattern.compile(
            "\\bset_config\\s*\\(\\s*'search_path'\\s*,\\s*'((?:[^']|'')*)'", Pattern.CASE_INSENSITIVE);

    public enum Method {
        /** JSqlParser read the statement; its syntax tree named the objects. */
        PARSED,
        /** A kind JSqlParser cannot read, analysed by the PostgreSQL fallback. */
        FALLBACK,
        /** Neither could read it: only its schema-qualified names were found. */
        SCANNED
    }

    /**
     * @param kind       what the statement is, for messages ({@code CREATE TRIGGER}), when the fallback read it
     * @param searchPath the search path the statement sets for the statements after it
     * @param problem    why the statement was only scanned
     */
    public record Analysis(Method method, String kind, List<TableReference> references,
            Optional<PostgresFallback.SearchPathChange> searchPath, String problem) {

        public boolean checked() {
            return method != Method.SCANNED;
        }
    }

    private MigrationStatements() {
    }

    public static Analysis of(String sql) {
        Analysis known = CACHE.get(sql);
        if (known != null) {
            return known;
        }
        Analysis analysis = analyse(sql); // not computeIfAbsent: a routine's body is analysed by a recursive call
        CACHE.putIfAbsent(sql, analysis);
        return analysis;
    }

    /** The names of a statement however it was read: for routine bodies, analysed statement by statement. */
    static List<TableReference> referencesOf(String sql) {
        return of(sql).references();
    }

    private static Analysis analyse(String sql) {
        if (PostgresFallback.preferred(sql)) {
            Optional<PostgresFallback.Result> fallback = PostgresFallback.analyse(sql);
            if (fallback.isPresent()) {
                return fallback(fallback.get());
            }
        }
        SqlTables.Analysis parsed = SqlTables.of(sql);
        if (parsed.understood()) {
            Optional<PostgresFallback.SearchPathChange> searchPath = setConfig(sql);
            List<TableReference> references = new ArrayList<>(parsed.references());
            searchPath.ifPresent(change -> change.schemas().forEach(schema ->
                    references.add(new TableReference(schema, schema, TableReference.Kind.SEARCH_PATH))));
            return new Analysis(Method.PARSED, null, List.copyOf(references), searchPath, null);
        }
        Optional<PostgresFallback.Result> fallback = PostgresFallback.analyse(sql);
        if (fallback.isPresent()) {
            return fallback(fallback.get());
        }
        List<TableReference> scanned = new ArrayList<>(QualifiedNameScanner.scan(sql));
        scanned.addAll(PostgresFallback.regclassLiterals(sql));
        return new Analysis(Method.SCANNED, null, scanned, Optional.empty(), parsed.problem());
    }

    private static Analysis fallback(PostgresFallback.Result result) {
        return new Analysis(Method.FALLBACK, result.kind(), result.references(), result.searchPath(), null);
    }

    /** {@code SELECT set_config('search_path', 'users', false)} changes the search path like a SET does. */
    private static Optional<PostgresFallback.SearchPathChange> setConfig(String sql) {
        Matcher matcher = SET_CONFIG_SEARCH_PATH.matcher(sql);
        if (!matcher.find()) {
            return Optional.empty();
        }
        List<String> schemas = new ArrayList<>();
        for (String schema : matcher.group(1).replace("''", "'").split(",")) {
            String trimmed = schema.strip();
            if (!trimmed.isEmpty()) {
                schemas.add(trimmed.startsWith("\"") ? trimmed.substring(1, trimmed.length() - 1) : trimmed.toLowerCase(java.util.Locale.ROOT));
            }
        }
        return Optional.of(new PostgresFallback.SearchPathChange(List.copyOf(schemas)));
    }
}
