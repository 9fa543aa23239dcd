package modulith.boundaries.sql;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import modulith.boundaries.ModuleMap;

/**
 * Finds SQL that changes who a connection is, where it looks names up, or what other roles may do:
 * {@code SET ROLE}, {@code RESET ROLE}, {@code SESSION AUTHORIZATION}, {@code DISCARD ALL},
 * {@code search_path} changes ({@code set_config} included), {@code GRANT}, {@code REVOKE},
 * {@code ALTER DEFAULT PRIVILEGES}, {@code CREATE|ALTER|DROP ROLE|USER|GROUP} and
 * {@code SECURITY DEFINER} routines. The one detector behind R9: the static rule reads string
 * constants and migrations with it, the runtime guard every statement a module sends.
 *
 * <p>Comments never count. Keywords that are English words too (GRANT, REVOKE, RESET, DISCARD,
 * CREATE USER) count only at the start of a statement (the start of the text, after {@code ;}, a
 * dollar quote, {@code BEGIN}, {@code THEN}, {@code ELSE}, {@code LOOP}, or the opening quote of
 * an {@code EXECUTE}) and only in the shape of that statement, so a message such as "could not
 * grant the request" is not one. Phrases no sentence contains ({@code SET ROLE},
 * {@code SESSION AUTHORIZATION}, {@code set_config('role'}, {@code ALTER DEFAULT PRIVILEGES},
 * {@code SECURITY DEFINER}) count anywhere, inside routine bodies and {@code EXECUTE} strings too.
 *
 * <p>One form is allowed: a routine's own {@code SET search_path} clause that pins it to the
 * module's own schema ({@code FROM CURRENT}, or the own schema with {@code pg_catalog}), because
 * that keeps a trigger function on its module's tables whoever calls it.
 */
public final class IdentityStatements {

    /** What a statement changes; the description completes "the statement …". */
    public enum Kind {
        ROLE_SWITCH("switches the session's role"),
        SESSION_AUTHORIZATION("switches the session authorization"),
        SESSION_RESET("resets the session, session authorization included (DISCARD ALL)"),
        SEARCH_PATH("changes the search path"),
        ROUTINE_SEARCH_PATH("pins a routine's search path to a schema other than its module's"),
        GRANT("grants privileges"),
        REVOKE("revokes privileges"),
        DEFAULT_PRIVILEGES("changes default privileges"),
        ROLE_DEFINITION("creates, alters or drops a role"),
        SECURITY_DEFINER("declares a SECURITY DEFINER routine, which runs with its owner's privileges");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /**
     * @param kind    what the statement changes
     * @param offset  where in the analysed text the offending words start
     * @param excerpt the offending statement, on one line and abbreviated
     */
    public record Finding(Kind kind, int offset, String excerpt) {
    }

    /** Lower-case words at least one of which every identity statement contains; a text without any is skipped unparsed. */
    private static final String[] KEYWORDS = {"role", "grant", "revoke", "search_path", "authorization", "discard",
            "set_config", "privileges", "definer", "user", "group"};

    /** Schemas a routine may put next to its own in its search_path: the system catalog it always searches anyway. */
    private static final String SYSTEM_CATALOG = "pg_catalog";

    // \u0001 and \u0002 stand for the run-time values in javac's string concatenation recipes ("SET ROLE \u0001")
    private static final String IDENTIFIER = "(?:\"(?:[^\"]|\"\")+\"|[a-z_\u0001\u0002][a-z0-9_$\u0001\u0002]*)";
    private static final String IDENTIFIERS = IDENTIFIER + "(?:\\s*,\\s*" + IDENTIFIER + ")*";
    private static final String PRIVILEGE = "(?:ALL|SELECT|INSERT|UPDATE|DELETE|TRUNCATE|REFERENCES|TRIGGER|CREATE|CONNECT"
            + "|TEMP|TEMPORARY|EXECUTE|USAGE|SET|ALTER\\s+SYSTEM|MAINTAIN)\\b";
    private static final String ROLE_OPTION = "(?:(?:NO)?(?:SUPERUSER|CREATEDB|CREATEROLE|INHERIT|LOGIN|REPLICATION|BYPASSRLS)"
            + "|CONNECTION\\s+LIMIT|(?:ENCRYPTED\\s+)?PASSWORD|VALID\\s+UNTIL|ADMIN|SYSID)\\b";
    private static final String END_OF_STATEMENT = "\\s*(?:;|$)";
    /** Where a statement can start; a quote only right after EXECUTE, whose string is run as a statement. */
    private static final String STATEMENT_START = "(?<start>^|;|\\$(?:[a-z_][a-z0-9_]*)?\\$|\\b(?:BEGIN|THEN|ELSE|LOOP)\\b"
            + "|\\bEXECUTE\\s+(?:format\\s*\\(\\s*)?E?')\\s*";
    private static final String SEARCH_PATH_VALUE = "(?:\"(?:[^\"]|\"\")*\"|'(?:[^']|'')*'|[a-z_$][a-z0-9_$]*)";

    private record Form(Kind kind, Pattern pattern) {
    }

    private static final List<Form> FORMS = List.of(
            anywhere(Kind.ROLE_SWITCH, "\\bSET\\s+(?:(?:SESSION|LOCAL)\\s+)?\"?ROLE\\b"),
            atStatementStart(Kind.ROLE_SWITCH, "RESET\\s+\"?ROLE\\b\"?" + END_OF_STATEMENT),
            anywhere(Kind.SESSION_AUTHORIZATION, "\\bSESSION\\s+AUTHORIZATION\\b"
                    + "|\\bSET\\s+(?:(?:SESSION|LOCAL)\\s+)?\"?session_authorization\\b"),
            atStatementStart(Kind.SESSION_RESET, "DISCARD\\s+ALL" + END_OF_STATEMENT),
            atStatementStart(Kind.GRANT, "GRANT\\s+(?:" + PRIVILEGE + "[^;]*?\\bON\\b[^;]*?\\bTO\\s+" + IDENTIFIER
                    + "|" + IDENTIFIERS + "\\s+TO\\s+" + IDENTIFIERS + "\\s*(?:;|$|WITH\\b|GRANTED\\b))"),
            atStatementStart(Kind.REVOKE, "REVOKE\\s+(?:(?:GRANT|ADMIN|INHERIT|SET)\\s+OPTION\\s+FOR\\s+)?(?:" + PRIVILEGE
                    + "[^;]*?\\bON\\b[^;]*?\\bFROM\\s+" + IDENTIFIER
                    + "|" + IDENTIFIERS + "\\s+FROM\\s+" + IDENTIFIERS + "\\s*(?:;|$|CASCADE\\b|RESTRICT\\b|GRANTED\\b))"),
            anywhere(Kind.DEFAULT_PRIVILEGES, "\\bALTER\\s+DEFAULT\\s+PRIVILEGES\\b"),
            atStatementStart(Kind.ROLE_DEFINITION, "CREATE\\s+(?:ROLE|USER|GROUP)\\s+" + IDENTIFIER
                    + "\\s*(?:;|$|WITH\\b|IN\\s+(?:ROLE|GROUP)\\b|" + ROLE_OPTION + ")"),
            atStatementStart(Kind.ROLE_DEFINITION, "ALTER\\s+(?:ROLE|USER|GROUP)\\s+" + IDENTIFIER
                    + "\\s+(?:WITH\\b|RENAME\\b|SET\\b|RESET\\b|(?:ADD|DROP)\\s+USER\\b|IN\\s+DATABASE\\b|" + ROLE_OPTION + ")"),
            atStatementStart(Kind.ROLE_DEFINITION, "DROP\\s+(?:ROLE|USER|GROUP)\\s+(?:IF\\s+EXISTS\\s+)?" + IDENTIFIERS
                    + END_OF_STATEMENT),
            anywhere(Kind.SECURITY_DEFINER, "\\bSECURITY\\s+DEFINER\\b"));

    private static final Pattern SET_CONFIG = Pattern.compile("\\bset_config\"?\\s*\\(\\s*(?:E?'|\\$(?:[a-z_][a-z0-9_]*)?\\$)"
            + "\\s*(?<parameter>role|search_path|session_authorization)\\s*(?:'|\\$)", Pattern.CASE_INSENSITIVE);

    private static final Pattern SEARCH_PATH = Pattern.compile("\\b(?<verb>SET|RESET)\\s+(?:(?:SESSION|LOCAL)\\s+)?\"?search_path\\b\"?"
            + "(?:\\s+(?<current>FROM\\s+CURRENT)\\b|\\s*(?:=|\\bTO\\b)\\s*(?<schemas>" + SEARCH_PATH_VALUE + "(?:\\s*,\\s*"
            + SEARCH_PATH_VALUE + ")*))?", Pattern.CASE_INSENSITIVE);

    private IdentityStatements() {
    }

    /**
     * A cheap test, no regular expression: false means the text surely holds no identity statement.
     * Most SQL contains none of the keywords, so the parsing below is skipped for it.
     */
    public static boolean mayContain(String sql) {
        for (String keyword : KEYWORDS) {
            for (int i = 0; i <= sql.length() - keyword.length(); i++) {
                if (sql.regionMatches(true, i, keyword, 0, keyword.length())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Every identity statement in the text (one or more statements), in order.
     *
     * @param ownSchema the schema of the module the text belongs to, which its routines may pin their search_path to
     */
    public static List<Finding> in(String sql, Optional<String> ownSchema) {
        return in(sql, ownSchema.map(Set::of).orElse(Set.of()), false);
    }

    /**
     * Every identity statement of a migration script. A migration may also set the search path of its own session to
     * its own schemas (with {@code pg_catalog}): Spring Modulith's per-module Flyway runs every module's scripts on one
     * connection, and {@code SET search_path TO <own schema>} is how a script puts its unqualified names in its own
     * schema. Any other schema there is an identity statement as anywhere else.
     *
     * @param ownSchemas the schemas the script owns: its module's, or the shared schema its folder is named after
     */
    public static List<Finding> inMigration(String sql, Set<String> ownSchemas) {
        return in(sql, ownSchemas, true);
    }

    private static List<Finding> in(String sql, Set<String> ownSchemas, boolean migration) {
        if (!mayContain(sql)) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (SqlScript.ScriptStatement statement : SqlScript.split(sql)) {
            findings.addAll(inStatement(statement, ownSchemas, migration));
        }
        return findings;
    }

    private static List<Finding> inStatement(SqlScript.ScriptStatement statement, Set<String> ownSchema, boolean migration) {
        String sql = statement.sql();
        Optional<RoutineHeader> routine = RoutineHeader.of(sql);
        List<Finding> findings = new ArrayList<>();
        for (Form form : FORMS) {
            Matcher matcher = form.pattern().matcher(sql);
            while (matcher.find()) {
                findings.add(finding(form.kind(), statement, routine, matcher.start("sql"), matcher.end("sql"), startedByQuote(matcher)));
            }
        }
        Matcher setConfig = SET_CONFIG.matcher(sql);
        while (setConfig.find()) {
            Kind kind = switch (setConfig.group("parameter").toLowerCase(Locale.ROOT)) {
                case "role" -> Kind.ROLE_SWITCH;
                case "search_path" -> Kind.SEARCH_PATH;
                default -> Kind.SESSION_AUTHORIZATION;
            };
            findings.add(finding(kind, statement, routine, setConfig.start(), setConfig.end(), false));
        }
        Matcher searchPath = SEARCH_PATH.matcher(sql);
        while (searchPath.find()) {
            boolean routineClause = routine.isPresent() && routine.get().contains(searchPath.start());
            boolean ownSession = migration && searchPath.start() == 0 && pinsToOwnSchema(searchPath, ownSchema)
                    && !searchPath.group("verb").equalsIgnoreCase("RESET") && searchPath.group("schemas") != null;
            if (ownSession) {
                continue;
            }
            if (!routineClause) {
                findings.add(finding(Kind.SEARCH_PATH, statement, routine, searchPath.start(), searchPath.end(), false));
            } else if (!pinsToOwnSchema(searchPath, ownSchema)) {
                findings.add(finding(Kind.ROUTINE_SEARCH_PATH, statement, routine, searchPath.start(), searchPath.end(), false));
            }
        }
        findings.sort(Comparator.comparingInt(Finding::offset));
        return findings;
    }

    /** A routine's own clause: {@code FROM CURRENT}, a reset, or only the module's schema and the system catalog. */
    private static boolean pinsToOwnSchema(Matcher clause, Set<String> ownSchema) {
        if (clause.group("verb").equalsIgnoreCase("RESET") || clause.group("current") != null) {
            return true;
        }
        if (clause.group("schemas") == null || ownSchema.isEmpty()) {
            return false;
        }
        for (String schema : clause.group("schemas").split(",")) {
            String name = ModuleMap.normalize(unquoteLiteral(schema.strip()));
            if (ownSchema.stream().noneMatch(name::equalsIgnoreCase) && !name.equalsIgnoreCase(SYSTEM_CATALOG)) {
                return false;
            }
        }
        return true;
    }

    private static String unquoteLiteral(String value) {
        return value.length() >= 2 && value.startsWith("'") && value.endsWith("'") ? value.substring(1, value.length() - 1) : value;
    }

    private static boolean startedByQuote(Matcher matcher) {
        String start = matcher.group("start");
        return start != null && start.endsWith("'");
    }

    private static Finding finding(Kind kind, SqlScript.ScriptStatement statement, Optional<RoutineHeader> routine, int start,
            int end, boolean insideQuote) {
        String sql = statement.sql();
        String excerpt = routine.filter(header -> header.contains(start))
                .map(header -> header.name() + " … " + sql.substring(start, end))
                .orElseGet(() -> innerStatement(sql, start, insideQuote));
        return new Finding(kind, statement.offset() + start, abbreviate(excerpt));
    }

    /**
     * The statement from its start when the offending words come early, else from those words, up
     * to the end of that (inner) statement: a GRANT deep inside a DO block is shown as the GRANT.
     */
    private static String innerStatement(String sql, int start, boolean insideQuote) {
        int from = start <= 60 ? 0 : start;
        int end = sql.indexOf(';', start);
        int closingQuote = insideQuote ? sql.indexOf('\'', start) : -1;
        if (closingQuote >= 0 && (end < 0 || closingQuote < end)) {
            end = closingQuote;
        }
        return sql.substring(from, end < 0 ? sql.length() : end);
    }

    private static String abbreviate(String sql) {
        String flat = sql.strip().replaceAll("\\s+", " ").replaceAll("[\u0001\u0002]", "<value>");
        return flat.length() > 100 ? flat.substring(0, 97) + "…" : flat;
    }

    private static Form anywhere(Kind kind, String regex) {
        return new Form(kind, Pattern.compile("(?<start>)(?<sql>" + regex + ")", Pattern.CASE_INSENSITIVE));
    }

    private static Form atStatementStart(Kind kind, String regex) {
        return new Form(kind, Pattern.compile(STATEMENT_START + "(?<sql>" + regex + ")", Pattern.CASE_INSENSITIVE));
    }
}
