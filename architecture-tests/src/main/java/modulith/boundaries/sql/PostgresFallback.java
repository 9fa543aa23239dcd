package modulith.boundaries.sql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import modulith.boundaries.sql.SqlTokens.Token;
import modulith.boundaries.sql.SqlTokens.Type;

/**
 * The deliberate fallback for PostgreSQL statements JSqlParser cannot read (or reads only as opaque text): each kind
 * an ordinary migration holds is recognised by its leading words, the names in its header are read where PostgreSQL
 * puts them, and the rest (defaults, predicates, routine and {@code DO} bodies, {@code EXECUTE} strings) is scanned for
 * every name in a position that denotes a relation ({@code FROM}, {@code JOIN}, {@code INSERT INTO}, {@code UPDATE},
 * {@code REFERENCES}, {@code TABLE} …), every schema-qualified name, every function call and every sequence named in
 * a {@code nextval('…')} or {@code '…'::regclass} literal. Unqualified names come back without a schema: the caller
 * resolves them through the search path in force.
 *
 * <p>A statement of a kind not listed here is not analysed: {@link #analyse} answers empty and the caller reports the
 * statement as only scanned.
 */
public final class PostgresFallback {

    /** What the fallback read from one statement. */
    public record Result(String kind, List<TableReference> references, Optional<SearchPathChange> searchPath) {
    }

    /**
     * A {@code SET search_path} (or {@code RESET search_path}, or {@code set_config('search_path', …)}) at the top level
     * of a script: unqualified names of the following statements resolve through it.
     *
     * @param schemas the new search path, empty for a reset to the session's default
     */
    public record SearchPathChange(List<String> schemas) {

        public boolean reset() {
            return schemas.isEmpty();
        }
    }

    /** Relation kinds that follow CREATE/ALTER/DROP/COMMENT ON and name a relation (table, view, sequence, index, type). */
    private static final Set<String> RELATION_KINDS = Set.of("TABLE", "VIEW", "SEQUENCE", "INDEX", "TYPE", "DOMAIN");
    private static final Set<String> ROUTINE_KINDS = Set.of("FUNCTION", "PROCEDURE", "ROUTINE", "AGGREGATE");
    /** Functions whose first argument is a sequence or relation named in a string literal. */
    private static final Set<String> REGCLASS_FUNCTIONS = Set.of("NEXTVAL", "CURRVAL", "SETVAL", "PG_GET_SERIAL_SEQUENCE");
    private static final Set<String> REGCLASS_TYPES = Set.of("REGCLASS");
    /** Function-like forms whose FROM is part of the arguments: EXTRACT(EPOCH FROM ts), SUBSTRING(x FROM 2) … */
    private static final Set<String> FROM_FUNCTIONS = Set.of("EXTRACT", "SUBSTRING", "TRIM", "OVERLAY", "POSITION");
    /** Words after which a statement starts, inside routine and DO bodies. */
    private static final Set<String> STATEMENT_STARTS = Set.of("BEGIN", "THEN", "ELSE", "LOOP", "DECLARE", "AS", "ATOMIC");
    /** Words that end a FROM list item or cannot be an alias. */
    private static final Set<String> CLAUSES = Set.of("WHERE", "GROUP", "ORDER", "HAVING", "LIMIT", "OFFSET", "UNION",
            "INTERSECT", "EXCEPT", "WINDOW", "FOR", "RETURNING", "ON", "USING", "JOIN", "INNER", "LEFT", "RIGHT", "FULL",
            "CROSS", "NATURAL", "LATERAL", "SET", "VALUES", "SELECT", "INTO", "FETCH", "THEN", "LOOP", "END", "AND", "OR",
            "WHEN", "ELSE", "AS");

    private PostgresFallback() {
    }

    /** The statement's names, or empty when its kind is not one the fallback knows. */
    public static Optional<Result> analyse(String sql) {
        List<Token> tokens = SqlTokens.of(sql);
        if (tokens.isEmpty() || tokens.get(0).type() != Type.WORD) {
            return Optional.empty();
        }
        Reader reader = new Reader(tokens);
        return Optional.ofNullable(reader.statement());
    }

    /**
     * Whether the fallback reads this statement better than JSqlParser: kinds JSqlParser cannot parse, or parses into
     * something that loses names (a {@code SET search_path}'s value, a {@code COMMENT ON COLUMN}'s table, a routine's body).
     */
    public static boolean preferred(String sql) {
        List<Token> tokens = SqlTokens.of(sql);
        if (tokens.isEmpty() || tokens.get(0).type() != Type.WORD) {
            return false;
        }
        String first = tokens.get(0).upper();
        if (Set.of("SET", "RESET", "DO", "COMMENT", "GRANT", "REVOKE").contains(first)) {
            return true;
        }
        if (!Set.of("CREATE", "ALTER", "DROP").contains(first)) {
            return false;
        }
        for (int i = 1; i < Math.min(tokens.size(), 5); i++) {
            Token token = tokens.get(i);
            if (token.isWordIn(Set.of("FUNCTION", "PROCEDURE", "ROUTINE", "TRIGGER", "EXTENSION", "SEQUENCE", "POLICY",
                    "TYPE", "DOMAIN", "RULE", "AGGREGATE"))) {
                return true;
            }
        }
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).isWord("OWNER") || tokens.get(i).isWord("SET") && tokens.get(i + 1).isWord("SCHEMA")) {
                return true;
            }
        }
        return first.equals("CREATE") && tokens.stream().limit(4).anyMatch(token -> token.isWord("INDEX"));
    }

    /** Sequences and relations named in string literals: {@code nextval('billing.invoice_numbers')}, {@code 'x'::regclass}. */
    public static List<TableReference> regclassLiterals(String sql) {
        if (!containsIgnoreCase(sql, "val") && !containsIgnoreCase(sql, "regclass") && !containsIgnoreCase(sql, "serial_sequence")) {
            return List.of();
        }
        List<TableReference> found = new ArrayList<>();
        List<Token> tokens = SqlTokens.of(sql);
        for (int i = 0; i < tokens.size(); i++) {
            regclassAt(tokens, i, found);
        }
        return found;
    }

    private static void regclassAt(List<Token> tokens, int i, List<TableReference> found) {
        Token token = tokens.get(i);
        if (token.isWordIn(REGCLASS_FUNCTIONS) && i + 2 < tokens.size() && tokens.get(i + 1).isSymbol("(")
                && tokens.get(i + 2).type() == Type.STRING) {
            found.add(fromLiteral(tokens.get(i + 2).text()));
        }
        if (token.type() == Type.STRING && i + 2 < tokens.size() && tokens.get(i + 1).isSymbol("::")
                && tokens.get(i + 2).isWordIn(REGCLASS_TYPES)) {
            found.add(fromLiteral(token.text()));
        }
    }

    /** {@code 'billing.invoice_numbers'}, {@code '"Billing".numbers'}: the literal holds an SQL name, quotes and all. */
    private static TableReference fromLiteral(String literal) {
        List<Token> parts = SqlTokens.of(literal);
        List<String> names = new ArrayList<>();
        for (Token part : parts) {
            if (part.type() == Type.WORD) {
                names.add(part.identifier());
            }
        }
        if (names.isEmpty()) {
            return new TableReference(null, literal, TableReference.Kind.TABLE);
        }
        String name = names.get(names.size() - 1);
        String schema = names.size() > 1 ? names.get(names.size() - 2) : null;
        return new TableReference(schema, name, TableReference.Kind.TABLE);
    }

    private static boolean containsIgnoreCase(String text, String part) {
        return text.toLowerCase(Locale.ROOT).contains(part);
    }

    /** Reads one statement's tokens from the front. */
    private static final class Reader {

        private final List<Token> tokens;
        private final List<TableReference> references = new ArrayList<>();
        private int at;

        Reader(List<Token> tokens) {
            this.tokens = tokens;
        }

        Result statement() {
            String first = word(0);
            return switch (first) {
                case "SET", "RESET" -> set();
                case "DO" -> doBlock();
                case "CREATE" -> create();
                case "ALTER" -> alter();
                case "DROP" -> drop();
                case "COMMENT" -> comment();
                case "GRANT", "REVOKE" -> privileges(first);
                case "TRUNCATE", "LOCK", "CLUSTER", "ANALYZE", "ANALYSE", "VACUUM", "REINDEX", "REFRESH" -> maintenance(first);
                case "INSERT", "UPDATE", "DELETE", "SELECT", "WITH", "MERGE", "CALL", "VALUES", "TABLE" -> {
                    scan(0, tokens.size());
                    yield result(first);
                }
                case "BEGIN", "COMMIT", "END", "START", "SAVEPOINT", "RELEASE", "ROLLBACK", "DISCARD", "CHECKPOINT", "LISTEN",
                        "NOTIFY", "UNLISTEN", "LOAD" -> result(first); // transaction and session statements name no object
                default -> null;
            };
        }

        // SET search_path TO a, b | SET other = … | RESET search_path | RESET ALL
        private Result set() {
            int i = 1;
            if (isWord(i, "SESSION") || isWord(i, "LOCAL")) {
                i++;
            }
            Token parameter = token(i);
            boolean searchPath = parameter != null && parameter.type() == Type.WORD && parameter.identifier().equals("search_path");
            if (!searchPath) {
                return result(word(0));
            }
            if (word(0).equals("RESET")) {
                return new Result("RESET search_path", references, Optional.of(new SearchPathChange(List.of())));
            }
            i++;
            if (isWord(i, "TO") || isSymbol(i, "=")) {
                i++;
            }
            List<String> schemas = new ArrayList<>();
            for (; i < tokens.size(); i++) {
                Token value = tokens.get(i);
                if (value.type() == Type.WORD && value.isWord("DEFAULT")) {
                    return new Result("SET search_path", references, Optional.of(new SearchPathChange(List.of())));
                }
                if (value.type() == Type.WORD) {
                    schemas.add(value.identifier());
                } else if (value.type() == Type.STRING) {
                    for (String each : value.text().split(",")) {
                        String trimmed = each.strip();
                        if (!trimmed.isEmpty()) {
                            schemas.add(trimmed.startsWith("\"") ? trimmed.substring(1, trimmed.length() - 1) : trimmed.toLowerCase(Locale.ROOT));
                        }
                    }
                }
            }
            for (int position = 0; position < schemas.size(); position++) {
                references.add(new TableReference(schemas.get(position), schemas.get(position), TableReference.Kind.SEARCH_PATH));
            }
            return new Result("SET search_path", references, Optional.of(new SearchPathChange(List.copyOf(schemas))));
        }

        // DO [LANGUAGE x] $$ body $$
        private Result doBlock() {
            for (Token token : tokens) {
                if (token.type() == Type.BODY || token.type() == Type.STRING) {
                    body(token.text(), language().orElse("plpgsql"));
                }
            }
            return result("DO");
        }

        private Result create() {
            int i = 1;
            if (isWord(i, "OR") && isWord(i + 1, "REPLACE")) {
                i += 2;
            }
            while (isWordIn(i, Set.of("TEMP", "TEMPORARY", "UNLOGGED", "GLOBAL", "LOCAL", "UNIQUE", "MATERIALIZED",
                    "RECURSIVE", "CONSTRAINT", "TRUSTED", "PROCEDURAL"))) {
                i++;
            }
            String kind = word(i);
            switch (kind) {
                case "TABLE" -> {
                    int name = skipIfNotExists(i + 1);
                    int after = relation(name, TableReference.Kind.TABLE);
                    if (isWord(after, "PARTITION") && isWord(after + 1, "OF")) {
                        after = relation(after + 2, TableReference.Kind.TABLE);
                    }
                    tableBody(after);
                }
                case "VIEW" -> {
                    int after = relation(skipIfNotExists(i + 1), TableReference.Kind.TABLE);
                    scan(after, tokens.size());
                }
                case "SEQUENCE" -> sequence(skipIfNotExists(i + 1));
                case "INDEX" -> index(i + 1);
                case "TYPE", "DOMAIN" -> {
                    int after = relation(skipIfNotExists(i + 1), TableReference.Kind.TABLE);
                    scan(after, tokens.size());
                }
                case "FUNCTION", "PROCEDURE", "AGGREGATE" -> routine(i + 1);
                case "TRIGGER" -> trigger(i + 1);
                case "EXTENSION" -> extension(skipIfNotExists(i + 1));
                case "POLICY" -> onTable(i + 2, true);
                case "RULE" -> rule(i + 1);
                case "SCHEMA" -> {
                    int name = skipIfNotExists(i + 1);
                    if (isWord(name, "AUTHORIZATION")) {
                        name++;
                    }
                    Token schema = token(name);
                    if (schema != null && schema.type() == Type.WORD) {
                        references.add(new TableReference(schema.identifier(), schema.identifier(), TableReference.Kind.SCHEMA));
                    }
                }
                default -> {
                    return null;
                }
            }
            return result("CREATE " + kind);
        }

        private Result alter() {
            int i = 1;
            if (isWord(i, "MATERIALIZED") || isWord(i, "FOREIGN")) {
                i++;
            }
            String kind = word(i);
            switch (kind) {
                case "TABLE", "VIEW", "INDEX", "TYPE", "DOMAIN" -> {
                    int name = skipIfExists(i + 1);
                    if (isWord(name, "ONLY")) {
                        name++;
                    }
                    if (isWord(name, "ALL") && isWord(name + 1, "IN")) {
                        return result("ALTER " + kind);
                    }
                    int after = relation(name, TableReference.Kind.TABLE);
                    rest(after);
                }
                case "SEQUENCE" -> sequence(skipIfExists(i + 1));
                case "FUNCTION", "PROCEDURE", "ROUTINE", "AGGREGATE" -> {
                    int after = routineName(skipIfExists(i + 1));
                    rest(after);
                }
                case "TRIGGER", "POLICY", "RULE" -> onTable(i + 2, false);
                case "SCHEMA" -> schemaNamed(i + 1);
                case "EXTENSION" -> {
                    int after = i + 2;
                    if (isWord(after, "SET") && isWord(after + 1, "SCHEMA")) {
                        Token schema = token(after + 2);
                        if (schema != null) {
                            references.add(new TableReference(schema.identifier(), token(i + 1).identifier(), TableReference.Kind.EXTENSION));
                        }
                    }
                }
                case "DEFAULT" -> {
                    for (int at = i; at + 2 < tokens.size(); at++) {
                        if (isWord(at, "IN") && isWord(at + 1, "SCHEMA")) {
                            schemaList(at + 2);
                        }
                    }
                }
                case "ROLE", "USER", "GROUP", "DATABASE", "SYSTEM" -> {
                    // identity and server settings: the identity rule's business, no schema named
                }
                default -> {
                    return null;
                }
            }
            return result("ALTER " + kind);
        }

        private Result drop() {
            int i = 1;
            if (isWord(i, "MATERIALIZED") || isWord(i, "FOREIGN")) {
                i++;
            }
            String kind = word(i);
            int name = skipIfExists(i + 1);
            if (isWord(name, "CONCURRENTLY")) {
                name = skipIfExists(name + 1);
            }
            if (RELATION_KINDS.contains(kind)) {
                relationList(name);
            } else if (ROUTINE_KINDS.contains(kind)) {
                int at = name;
                while (at < tokens.size()) {
                    at = routineName(at);
                    if (!isSymbol(at, ",")) {
                        break;
                    }
                    at++;
                }
            } else if (Set.of("TRIGGER", "POLICY", "RULE").contains(kind)) {
                onTable(name + 1, false);
            } else if (kind.equals("SCHEMA")) {
                schemaList(name);
            } else if (!Set.of("EXTENSION", "ROLE", "USER", "GROUP", "OWNED", "DATABASE").contains(kind)) {
                return null;
            }
            return result("DROP " + kind);
        }

        // COMMENT ON <kind> <name> IS '…'
        private Result comment() {
            int i = 2;
            if (isWord(i, "MATERIALIZED") || isWord(i, "FOREIGN")) {
                i++;
            }
            String kind = word(i);
            if (RELATION_KINDS.contains(kind)) {
                relation(i + 1, TableReference.Kind.TABLE);
            } else if (kind.equals("COLUMN")) {
                List<String> parts = nameAt(i + 1).parts();
                if (parts.size() >= 3) {
                    references.add(new TableReference(parts.get(parts.size() - 3), parts.get(parts.size() - 2), TableReference.Kind.TABLE));
                } else if (parts.size() == 2) {
                    references.add(new TableReference(null, parts.get(0), TableReference.Kind.TABLE));
                }
            } else if (ROUTINE_KINDS.contains(kind)) {
                routineName(i + 1);
            } else if (Set.of("TRIGGER", "CONSTRAINT", "POLICY", "RULE").contains(kind)) {
                onTable(i + 2, false);
            } else if (kind.equals("SCHEMA")) {
                schemaNamed(i + 1);
            } else if (!Set.of("EXTENSION", "ROLE", "DATABASE", "LANGUAGE").contains(kind)) {
                return null;
            }
            return result("COMMENT ON " + kind);
        }

        // GRANT … ON [TABLE|SEQUENCE|FUNCTION|SCHEMA|ALL TABLES IN SCHEMA] names TO roles (REVOKE … FROM)
        private Result privileges(String verb) {
            for (int i = 1; i < tokens.size(); i++) {
                if (!isWord(i, "ON")) {
                    continue;
                }
                int at = i + 1;
                if (isWord(at, "ALL")) {
                    while (at < tokens.size() && !isWord(at, "SCHEMA")) {
                        at++;
                    }
                    schemaList(at + 1);
                } else if (isWord(at, "SCHEMA")) {
                    schemaList(at + 1);
                } else if (isWordIn(at, ROUTINE_KINDS)) {
                    routineName(at + 1);
                } else {
                    if (isWordIn(at, Set.of("TABLE", "SEQUENCE"))) {
                        at++;
                    }
                    if (!isWordIn(at, Set.of("DATABASE", "LANGUAGE", "TABLESPACE", "DOMAIN", "TYPE", "FOREIGN", "LARGE"))) {
                        relationList(at);
                    }
                }
                break;
            }
            return result(verb);
        }

        private Result maintenance(String verb) {
            int i = 1;
            while (isWordIn(i, Set.of("TABLE", "ONLY", "MATERIALIZED", "VIEW", "CONCURRENTLY", "VERBOSE", "FULL", "FREEZE",
                    "INDEX", "SCHEMA", "ANALYZE", "ANALYSE"))) {
                i++;
            }
            if (token(i) != null && token(i).type() == Type.WORD) {
                relationList(i);
            }
            return result(verb);
        }

        // CREATE TABLE name ( … ) [INHERITS (…)] [AS query]: columns, defaults, constraints, REFERENCES, LIKE
        private void tableBody(int from) {
            for (int i = from; i < tokens.size(); i++) {
                if (isWord(i, "LIKE") || isWord(i, "INHERITS")) {
                    int at = isSymbol(i + 1, "(") ? i + 2 : i + 1;
                    relationList(at);
                }
            }
            scan(from, tokens.size());
        }

        // [name] ON [ONLY] table [USING method] (columns) [INCLUDE (…)] [WHERE predicate]
        private void index(int from) {
            int on = from;
            while (on < tokens.size() && !isWord(on, "ON")) {
                on++;
            }
            int table = on + 1;
            if (isWord(table, "ONLY")) {
                table++;
            }
            int after = relation(table, TableReference.Kind.TABLE);
            int open = after;
            while (open < tokens.size() && !isSymbol(open, "(")) {
                open++;
            }
            scan(open, tokens.size());
        }

        // name [AS type] [INCREMENT …] [OWNED BY table.column | NONE] [SET SCHEMA s] …: options name nothing else
        private void sequence(int name) {
            int after = relation(name, TableReference.Kind.TABLE);
            for (int i = after; i < tokens.size(); i++) {
                if (isWord(i, "SET") && isWord(i + 1, "SCHEMA")) {
                    schemaNamed(i + 2);
                }
                if (isWord(i, "OWNED") && isWord(i + 1, "BY") && !isWord(i + 2, "NONE")) {
                    List<String> parts = nameAt(i + 2).parts();
                    if (parts.size() >= 3) {
                        references.add(new TableReference(parts.get(parts.size() - 3), parts.get(parts.size() - 2), TableReference.Kind.TABLE));
                    } else if (parts.size() == 2) {
                        references.add(new TableReference(null, parts.get(0), TableReference.Kind.TABLE));
                    }
                }
            }
        }

        // name ( arguments ) [RETURNS …] [LANGUAGE x] [SET …] AS $$ body $$ | BEGIN ATOMIC … END
        private void routine(int from) {
            int header = routineName(from);
            String language = language().orElse("sql");
            boolean sawBody = false;
            int headerEnd = tokens.size();
            for (int i = header; i < tokens.size(); i++) {
                Token token = tokens.get(i);
                if (token.type() == Type.BODY || token.type() == Type.STRING && isWord(i - 1, "AS")) {
                    body(token.text(), language);
                    sawBody = true;
                    headerEnd = Math.min(headerEnd, i);
                } else if (token.isWord("ATOMIC")) {
                    headerEnd = Math.min(headerEnd, i);
                    scan(i, tokens.size());
                    sawBody = true;
                }
            }
            scan(header, headerEnd); // argument and return types: RETURNS SETOF billing.accounts
            if (!sawBody) {
                scan(header, tokens.size());
            }
        }

        // name {BEFORE|AFTER|INSTEAD OF} events ON table [FROM referenced] … EXECUTE {FUNCTION|PROCEDURE} f(args)
        private void trigger(int from) {
            for (int i = from; i < tokens.size(); i++) {
                if (isWord(i, "ON") && !isWord(i - 1, "EACH")) {
                    i = relation(i + 1, TableReference.Kind.TABLE) - 1;
                } else if (isWord(i, "FROM")) {
                    i = relation(i + 1, TableReference.Kind.TABLE) - 1;
                } else if (isWord(i, "EXECUTE") && isWordIn(i + 1, Set.of("FUNCTION", "PROCEDURE"))) {
                    Name function = nameAt(i + 2);
                    references.add(function.as(TableReference.Kind.FUNCTION));
                    i = function.end() - 1;
                } else if (isWord(i, "WHEN")) {
                    int close = closingParenthesis(i + 1);
                    scan(i + 1, close);
                    i = close;
                }
            }
        }

        // name [WITH] [SCHEMA s] [VERSION v] [CASCADE]
        private void extension(int name) {
            Token extension = token(name);
            if (extension == null) {
                return;
            }
            String schema = null;
            for (int i = name + 1; i + 1 < tokens.size(); i++) {
                if (isWord(i, "SCHEMA")) {
                    schema = tokens.get(i + 1).identifier();
                }
            }
            references.add(new TableReference(schema, extension.identifier(), TableReference.Kind.EXTENSION));
        }

        // <name> ON table …: triggers, policies, rules, constraints
        private void onTable(int from, boolean scanRest) {
            for (int i = from; i < tokens.size(); i++) {
                if (isWord(i, "ON")) {
                    int after = relation(i + 1, TableReference.Kind.TABLE);
                    if (scanRest) {
                        scan(after, tokens.size());
                    }
                    return;
                }
            }
        }

        // name AS ON event TO table [WHERE …] DO [ALSO|INSTEAD] command
        private void rule(int from) {
            for (int i = from; i < tokens.size(); i++) {
                if (isWord(i, "TO")) {
                    int after = relation(i + 1, TableReference.Kind.TABLE);
                    scan(after, tokens.size());
                    return;
                }
            }
        }

        /** After a relation's name: SET SCHEMA moves it, REFERENCES and subqueries name more relations. */
        private void rest(int from) {
            for (int i = from; i + 2 < tokens.size(); i++) {
                if (isWord(i, "SET") && isWord(i + 1, "SCHEMA")) {
                    schemaNamed(i + 2);
                }
                if (isWordIn(i, Set.of("ATTACH", "DETACH", "INHERIT")) && (isWord(i + 1, "PARTITION") || isWord(i, "INHERIT"))) {
                    relation(isWord(i, "INHERIT") ? i + 1 : i + 2, TableReference.Kind.TABLE);
                }
            }
            scan(from, tokens.size());
        }

        private void body(String text, String language) {
            if (language.equals("sql")) {
                for (SqlScript.ScriptStatement statement : SqlScript.split(text)) {
                    references.addAll(MigrationStatements.referencesOf(statement.sql()));
                }
                return;
            }
            Reader inner = new Reader(SqlTokens.of(text));
            inner.scan(0, inner.tokens.size());
            references.addAll(inner.references);
        }

        private Optional<String> language() {
            for (int i = 0; i + 1 < tokens.size(); i++) {
                if (isWord(i, "LANGUAGE")) {
                    Token language = tokens.get(i + 1);
                    return Optional.of(language.type() == Type.STRING ? language.text().toLowerCase(Locale.ROOT) : language.identifier());
                }
            }
            return Optional.empty();
        }

        /**
         * Every name between {@code from} and {@code to} in a position that denotes a relation, every function call,
         * every qualified name and every sequence in a regclass literal. Statements may follow each other ({@code ;}):
         * routine bodies are read with this too.
         */
        void scan(int from, int to) {
            Set<String> cteNames = cteNames(from, to);
            OpenParentheses parentheses = new OpenParentheses();
            boolean statementStart = true;
            boolean fromList = false;
            int fromDepth = -1;
            for (int i = from; i < to; i++) {
                Token token = tokens.get(i);
                regclassAt(tokens, i, references);
                if (token.isSymbol("(")) {
                    parentheses.push(i > 0 && tokens.get(i - 1).type() == Type.WORD ? tokens.get(i - 1).upper() : "");
                    statementStart = true;
                    continue;
                }
                if (token.isSymbol(")")) {
                    parentheses.pop();
                    statementStart = false;
                    continue;
                }
                if (token.isSymbol(";")) {
                    statementStart = true;
                    fromList = false;
                    continue;
                }
                if (token.type() == Type.STRING && isWord(i - 1, "EXECUTE") || token.type() == Type.STRING && isSymbol(i - 1, "(")
                        && isWord(i - 2, "FORMAT") && isWord(i - 3, "EXECUTE")) {
                    Reader inner = new Reader(SqlTokens.of(token.text().replaceAll("%[IsL]", "x")));
                    inner.scan(0, inner.tokens.size());
                    references.addAll(inner.references);
                    continue;
                }
                if (token.type() != Type.WORD) {
                    statementStart = false;
                    if (!token.isSymbol(",")) {
                        fromList = fromList && token.isSymbol(".");
                    }
                    continue;
                }
                String word = token.upper();
                boolean objectPosition = objectKeyword(i, statementStart, parentheses.top());
                if (objectPosition) {
                    int at = i + 1;
                    while (isWordIn(at, Set.of("ONLY", "IF", "NOT", "EXISTS", "LATERAL"))) {
                        at++;
                    }
                    Token next = token(at);
                    // after FROM and JOIN, name( is a set-returning function; after INTO, ON or REFERENCES a column list
                    boolean call = (word.equals("FROM") || word.equals("JOIN")) && isSymbol(nameAt(at).end(), "(");
                    if (next != null && next.type() == Type.WORD && !call && !next.isWordIn(Set.of("SELECT", "WITH", "VALUES"))) {
                        Name name = nameAt(at);
                        if (name.parts().size() > 1 || !cteNames.contains(name.parts().get(0))) {
                            references.add(name.as(TableReference.Kind.TABLE));
                        }
                        fromList = word.equals("FROM") || word.equals("JOIN");
                        fromDepth = parentheses.size();
                        i = name.end() - 1;
                        statementStart = false;
                        continue;
                    }
                }
                if (fromList && parentheses.size() == fromDepth && isSymbol(i - 1, ",") && !isWordIn(i, CLAUSES)) {
                    Name name = nameAt(i);
                    if (!isSymbol(name.end(), "(")) {
                        if (name.parts().size() > 1 || !cteNames.contains(name.parts().get(0))) {
                            references.add(name.as(TableReference.Kind.TABLE));
                        }
                        i = name.end() - 1;
                        statementStart = false;
                        continue;
                    }
                }
                if (isWordIn(i, CLAUSES) && !word.equals("AS")) {
                    fromList = word.equals("JOIN") && fromList;
                }
                Name name = nameAt(i);
                if (isSymbol(name.end(), "(")) {
                    if (name.parts().size() > 1) {
                        references.add(name.as(TableReference.Kind.FUNCTION));
                    }
                } else if (name.parts().size() >= 3) {
                    List<String> parts = name.parts();
                    references.add(new TableReference(parts.get(parts.size() - 3), parts.get(parts.size() - 2),
                            TableReference.Kind.QUALIFIED_NAME));
                } else if (name.parts().size() == 2) {
                    references.add(new TableReference(name.parts().get(0), name.parts().get(1), TableReference.Kind.QUALIFIED_NAME));
                }
                statementStart = STATEMENT_STARTS.contains(word);
                i = Math.max(i, name.end() - 1);
            }
        }

        /** Whether the word at {@code i} puts a relation's name right after it. */
        private boolean objectKeyword(int i, boolean statementStart, String enclosingFunction) {
            Token token = tokens.get(i);
            String word = token.upper();
            return switch (word) {
                case "FROM" -> !FROM_FUNCTIONS.contains(enclosingFunction) && !isWord(i - 1, "DISTINCT")
                        && !isWordIn(i - 1, Set.of("REVOKE", "GRANTED"));
                case "JOIN", "REFERENCES" -> true;
                case "INTO" -> isWordIn(i - 1, Set.of("INSERT", "MERGE"));
                case "UPDATE" -> statementStart;
                case "TABLE" -> isWordIn(i - 1, Set.of("CREATE", "ALTER", "DROP", "TRUNCATE", "LOCK", "TEMP", "TEMPORARY",
                        "UNLOGGED", "ON"));
                case "SEQUENCE", "VIEW", "TYPE", "DOMAIN" -> isWordIn(i - 1, Set.of("CREATE", "ALTER", "DROP", "MATERIALIZED",
                        "REPLACE"));
                case "ON" -> statementKeywordsBefore(i).stream().anyMatch(Set.of("INDEX", "TRIGGER", "POLICY", "RULE")::contains)
                        && !isWord(i - 1, "EACH") && !joinedBefore(i);
                default -> false;
            };
        }

        /** The words of the current inner statement before {@code i}, back to its start. */
        private List<String> statementKeywordsBefore(int i) {
            List<String> words = new ArrayList<>();
            for (int at = i - 1; at >= 0; at--) {
                Token token = tokens.get(at);
                if (token.isSymbol(";") || token.isWordIn(Set.of("BEGIN", "THEN", "ELSE", "LOOP"))) {
                    break;
                }
                if (token.type() == Type.WORD) {
                    words.add(token.upper());
                }
            }
            return words;
        }

        private boolean joinedBefore(int i) {
            return statementKeywordsBefore(i).contains("JOIN");
        }

        private Set<String> cteNames(int from, int to) {
            Set<String> names = new HashSet<>();
            for (int i = from; i + 2 < to; i++) {
                if (tokens.get(i).type() == Type.WORD && isWord(i + 1, "AS") && isSymbol(i + 2, "(")
                        && (isWordIn(i - 1, Set.of("WITH", "RECURSIVE")) || isSymbol(i - 1, ","))) {
                    names.add(tokens.get(i).identifier());
                }
            }
            return names;
        }

        /** A relation's (possibly qualified) name at {@code i}; answers the index after it. */
        private int relation(int i, TableReference.Kind kind) {
            Token token = token(i);
            if (token == null || token.type() != Type.WORD) {
                return i;
            }
            Name name = nameAt(i);
            references.add(name.as(kind));
            return name.end();
        }

        private int relationList(int i) {
            int at = i;
            while (at < tokens.size()) {
                at = relation(at, TableReference.Kind.TABLE);
                if (!isSymbol(at, ",")) {
                    break;
                }
                at++;
            }
            return at;
        }

        /** A routine's name and its argument list, whose types may be qualified; answers the index after them. */
        private int routineName(int i) {
            Token token = token(i);
            if (token == null || token.type() != Type.WORD) {
                return i;
            }
            Name name = nameAt(i);
            references.add(name.as(TableReference.Kind.ROUTINE));
            int after = name.end();
            if (isSymbol(after, "(")) {
                int close = closingParenthesis(after);
                scan(after, close);
                after = close + 1;
            }
            return after;
        }

        private void schemaNamed(int i) {
            Token schema = token(i);
            if (schema != null && schema.type() == Type.WORD) {
                references.add(new TableReference(schema.identifier(), schema.identifier(), TableReference.Kind.SCHEMA));
            }
        }

        private void schemaList(int i) {
            int at = i;
            while (token(at) != null && token(at).type() == Type.WORD) {
                schemaNamed(at);
                if (!isSymbol(at + 1, ",")) {
                    break;
                }
                at += 2;
            }
        }

        private int skipIfNotExists(int i) {
            return isWord(i, "IF") && isWord(i + 1, "NOT") && isWord(i + 2, "EXISTS") ? i + 3 : i;
        }

        private int skipIfExists(int i) {
            return isWord(i, "IF") && isWord(i + 1, "EXISTS") ? i + 2 : i;
        }

        private int closingParenthesis(int open) {
            int depth = 0;
            for (int i = open; i < tokens.size(); i++) {
                if (isSymbol(i, "(")) {
                    depth++;
                } else if (isSymbol(i, ")")) {
                    depth--;
                    if (depth == 0) {
                        return i;
                    }
                }
            }
            return tokens.size();
        }

        /** A dotted name starting at {@code i}: its parts, identifiers folded as PostgreSQL folds them. */
        private Name nameAt(int i) {
            List<String> parts = new ArrayList<>();
            int at = i;
            while (token(at) != null && token(at).type() == Type.WORD) {
                parts.add(token(at).identifier());
                if (isSymbol(at + 1, ".") && token(at + 2) != null && token(at + 2).type() == Type.WORD) {
                    at += 2;
                } else {
                    at++;
                    break;
                }
            }
            if (parts.isEmpty()) {
                parts.add("");
            }
            return new Name(parts, at);
        }

        private Result result(String kind) {
            return new Result(kind, List.copyOf(references), Optional.empty());
        }

        private Token token(int i) {
            return i >= 0 && i < tokens.size() ? tokens.get(i) : null;
        }

        private String word(int i) {
            Token token = token(i);
            return token != null && token.type() == Type.WORD ? token.upper() : "";
        }

        private boolean isWord(int i, String word) {
            Token token = token(i);
            return token != null && token.isWord(word);
        }

        private boolean isWordIn(int i, Set<String> words) {
            Token token = token(i);
            return token != null && token.isWordIn(words);
        }

        private boolean isSymbol(int i, String symbol) {
            Token token = token(i);
            return token != null && token.isSymbol(symbol);
        }
    }

    /** A dotted name's parts and the index of the token after it. */
    private record Name(List<String> parts, int end) {

        TableReference as(TableReference.Kind kind) {
            String name = parts.get(parts.size() - 1);
            String schema = parts.size() > 1 ? parts.get(parts.size() - 2) : null;
            return new TableReference(schema, name, kind);
        }
    }

    /** The function (or nothing) each open parenthesis follows, innermost last. */
    private static final class OpenParentheses {

        private final java.util.ArrayDeque<String> open = new java.util.ArrayDeque<>();

        void push(String function) {
            open.push(function);
        }

        void pop() {
            open.poll();
        }

        String top() {
            return open.isEmpty() ? "" : open.peek();
        }

        int size() {
            return open.size();
        }
    }
}
