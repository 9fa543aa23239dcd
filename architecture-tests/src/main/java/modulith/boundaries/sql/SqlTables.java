package modulith.boundaries.sql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.CreateFunctionalStatement;
import net.sf.jsqlparser.statement.ParenthesedStatement;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.UnsupportedStatement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.schema.CreateSchema;
import net.sf.jsqlparser.statement.create.sequence.CreateSequence;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.ForeignKeyIndex;
import net.sf.jsqlparser.statement.create.table.Index;
import net.sf.jsqlparser.statement.delete.ParenthesedDelete;
import net.sf.jsqlparser.statement.insert.ParenthesedInsert;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.update.ParenthesedUpdate;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * The tables, functions and schemas one SQL statement names, read from JSqlParser's syntax tree.
 * Results are cached by statement text: the runtime guard sees the same few hundred statements
 * millions of times.
 */
public final class SqlTables {

    private static final Map<String, Analysis> CACHE = new ConcurrentHashMap<>();

    private SqlTables() {
    }

    /**
     * What a statement names.
     *
     * @param references what the parser found
     * @param understood false when JSqlParser could not parse the statement, or parsed it only as
     *                   opaque text (PL/pgSQL bodies, triggers); callers then fall back to
     *                   {@link QualifiedNameScanner} and report the statement as unchecked
     * @param problem    why the statement was not understood, for the warning
     */
    public record Analysis(List<TableReference> references, boolean understood, String problem) {
    }

    public static Analysis of(String sql) {
        return CACHE.computeIfAbsent(sql, SqlTables::analyse);
    }

    private static Analysis analyse(String sql) {
        Analysis analysis = parse(sql);
        if (!analysis.understood()) {
            return analysis;
        }
        // JSqlParser keeps DEFAULT nextval('billing.numbers') and 'x'::regclass as text: the sequence is read from the literal
        List<TableReference> literals = PostgresFallback.regclassLiterals(sql);
        if (literals.isEmpty()) {
            return analysis;
        }
        List<TableReference> references = new ArrayList<>(analysis.references());
        references.addAll(literals);
        return new Analysis(List.copyOf(references), true, null);
    }

    private static Analysis parse(String sql) {
        Statement statement;
        try {
            statement = CCJSqlParserUtil.parse(sql);
        } catch (JSQLParserException | RuntimeException | Error e) {
            return new Analysis(List.of(), false, "JSqlParser cannot parse it (" + firstLine(e) + ")");
        }
        if (statement instanceof UnsupportedStatement) {
            return new Analysis(List.of(), false, "JSqlParser does not support this kind of statement");
        }
        List<TableReference> references = new ArrayList<>();
        if (statement instanceof CreateFunctionalStatement function) {
            // The body is opaque text to JSqlParser: only the qualified names scanned from it can be checked.
            return new Analysis(references, false, "the body of CREATE " + function.getKind() + " is not parsed as SQL");
        }
        if (statement instanceof CreateSchema schema) {
            references.add(new TableReference(schema.getSchemaName(), schema.getSchemaName(), TableReference.Kind.SCHEMA));
            return new Analysis(references, true, null);
        }
        if (statement instanceof CreateTable create) {
            references.add(table(create.getTable()));
            foreignKeysOf(create, references);
            if (create.getSelect() != null) {
                references.addAll(finderReferences(create.getSelect()));
            }
            return new Analysis(references, true, null);
        }
        if (statement instanceof CreateSequence sequence) {
            references.add(new TableReference(sequence.getSequence().getSchemaName(), sequence.getSequence().getName(),
                    TableReference.Kind.TABLE));
            return new Analysis(references, true, null);
        }
        if (statement instanceof CreateIndex index) {
            references.add(table(index.getTable()));
            return new Analysis(references, true, null);
        }
        if (statement instanceof Alter alter) {
            references.add(table(alter.getTable()));
            foreignKeysOf(alter, references);
            return new Analysis(references, true, null);
        }
        try {
            references.addAll(finderReferences(statement));
            return new Analysis(references, true, null);
        } catch (RuntimeException unsupported) {
            return new Analysis(List.of(), false, "JSqlParser cannot list the tables of " + statement.getClass().getSimpleName());
        }
    }

    private static void foreignKeysOf(CreateTable create, List<TableReference> references) {
        if (create.getColumnDefinitions() != null) {
            for (ColumnDefinition column : create.getColumnDefinitions()) {
                referencedByColumnSpecs(column.getColumnSpecs(), references);
            }
        }
        if (create.getIndexes() != null) {
            for (Index index : create.getIndexes()) {
                if (index instanceof ForeignKeyIndex foreignKey) {
                    references.add(table(foreignKey.getTable()));
                }
            }
        }
    }

    private static void foreignKeysOf(Alter alter, List<TableReference> references) {
        for (AlterExpression expression : alter.getAlterExpressions()) {
            if (expression.getIndex() instanceof ForeignKeyIndex foreignKey) {
                references.add(table(foreignKey.getTable()));
            }
            if (expression.getFkSourceTable() != null) {
                references.add(new TableReference(expression.getFkSourceSchema(), expression.getFkSourceTable(),
                        TableReference.Kind.TABLE));
            }
            if (expression.getColDataTypeList() != null) {
                expression.getColDataTypeList().forEach(column -> referencedByColumnSpecs(column.getColumnSpecs(), references));
            }
        }
    }

    /** JSqlParser keeps an inline {@code REFERENCES other (id)} as the words after the column type. */
    private static void referencedByColumnSpecs(List<String> specs, List<TableReference> references) {
        if (specs == null) {
            return;
        }
        for (int i = 0; i < specs.size() - 1; i++) {
            if (specs.get(i).equalsIgnoreCase("REFERENCES")) {
                String target = specs.get(i + 1);
                int parenthesis = target.indexOf('(');
                references.add(TableReference.parse(parenthesis < 0 ? target : target.substring(0, parenthesis),
                        TableReference.Kind.TABLE));
            }
        }
    }

    private static List<TableReference> finderReferences(Statement statement) {
        FunctionAwareFinder finder = new FunctionAwareFinder();
        List<TableReference> found = new ArrayList<>();
        finder.getTables(statement).stream()
                .filter(name -> !finder.dataModifyingWithNames.contains(name.toLowerCase(Locale.ROOT)))
                .forEach(name -> found.add(TableReference.parse(name, TableReference.Kind.TABLE)));
        found.addAll(finder.functions);
        return found;
    }

    private static TableReference table(Table table) {
        return new TableReference(table.getSchemaName(), table.getName(), TableReference.Kind.TABLE);
    }

    private static String firstLine(Throwable e) {
        return Optional.ofNullable(e.getMessage()).flatMap(message -> message.lines().findFirst())
                .orElse(e.getClass().getSimpleName());
    }

    /** JSqlParser's table finder, also remembering schema-qualified function calls such as {@code users.find(1)}. */
    private static final class FunctionAwareFinder extends TablesNamesFinder<Void> {

        private final List<TableReference> functions = new ArrayList<>();
        private final Set<String> dataModifyingWithNames = new HashSet<>();

        /**
         * A data-modifying {@code WITH moved AS (UPDATE … RETURNING …)}: JSqlParser's finder reads every
         * WITH item as a SELECT and fails on these, so their statements are visited here, and their names,
         * which later parts of the statement read like tables, are remembered so as not to be taken for tables.
         */
        @Override
        public <S> Void visit(WithItem<?> item, S context) {
            ParenthesedStatement body = item.getParenthesedStatement();
            if (body instanceof ParenthesedUpdate update) {
                remember(item);
                return visit(update, context);
            }
            if (body instanceof ParenthesedInsert insert) {
                remember(item);
                return visit(insert, context);
            }
            if (body instanceof ParenthesedDelete delete) {
                remember(item);
                return visit(delete, context);
            }
            return super.visit(item, context);
        }

        private void remember(WithItem<?> item) {
            if (item.getAlias() != null) {
                dataModifyingWithNames.add(item.getUnquotedAliasName().toLowerCase(Locale.ROOT));
            }
        }

        @Override
        public <S> Void visit(Function function, S context) {
            List<String> parts = function.getMultipartName();
            if (parts != null && parts.size() > 1) {
                functions.add(new TableReference(parts.get(parts.size() - 2), parts.get(parts.size() - 1),
                        TableReference.Kind.FUNCTION));
            }
            return super.visit(function, context);
        }
    }
}
