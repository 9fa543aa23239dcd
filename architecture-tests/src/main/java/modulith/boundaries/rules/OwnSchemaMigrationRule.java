package modulith.boundaries.rules;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import modulith.boundaries.BoundaryRule;
import modulith.boundaries.Codebase;
import modulith.boundaries.Location;
import modulith.boundaries.ModuleMap;
import modulith.boundaries.RuleResult;
import modulith.boundaries.Violation;
import modulith.boundaries.sql.MigrationStatements;
import modulith.boundaries.sql.SqlScript;
import modulith.boundaries.sql.TableReference;

/**
 * R6: the migrations in {@code <migrationRoot>/<module>/} name only that module's schema: no table, sequence, foreign
 * key, view, trigger, function or search path of theirs reaches into another schema.
 *
 * <p>Each statement is parsed with JSqlParser, or, for the kinds of PostgreSQL statement it cannot read (sequences,
 * {@code nextval} defaults, {@code SET search_path}, {@code DO} blocks, routines, triggers, comments,
 * {@code ALTER … OWNER}, extensions …), analysed by {@link modulith.boundaries.sql.PostgresFallback}. The search path is
 * followed through each script: unqualified names resolve to the schema it puts first, which is where the script
 * starts (the module's own schema, or Flyway's default schema in Spring Modulith's layout) until a
 * {@code SET search_path} moves it. A statement neither can read is scanned for dotted names whose first part is a
 * known schema and reported as a warning, so nobody mistakes it for checked; the count of those is in the notes.
 */
public final class OwnSchemaMigrationRule implements BoundaryRule {

    /**
     * What a script may use outside its own schema, as long as it is not another module's: functions it calls,
     * extensions it places, and dotted names in expressions that may be an operator class, a type or an alias.
     */
    private static final Set<TableReference.Kind> LENIENT = Set.of(TableReference.Kind.FUNCTION, TableReference.Kind.EXTENSION,
            TableReference.Kind.QUALIFIED_NAME);

    /** Postgres' own catalogs: reading them is not reaching into another module. */
    private static final Set<String> SYSTEM_SCHEMAS = Set.of("pg_catalog", "information_schema");

    @Override
    public String id() {
        return "R6.migration";
    }

    @Override
    public String sentence() {
        return "The migrations of a module create, alter, reference and query only that module's schema.";
    }

    @Override
    public String help() {
        return "A foreign key, view, trigger or function that reaches into another module's schema ties the two "
                + "modules' data together: neither can migrate, be restored or be moved to its own database alone. "
                + "Keep the other module's id as a plain column, and copy what you need from its events.";
    }

    @Override
    public RuleResult check(Codebase codebase) {
        List<Violation> violations = new ArrayList<>();
        List<Violation> warnings = new ArrayList<>();
        Map<MigrationStatements.Method, Integer> counts = new EnumMap<>(MigrationStatements.Method.class);
        List<MigrationScript> scripts = MigrationScript.in(codebase);
        for (MigrationScript script : scripts) {
            checkScript(codebase, script, violations, warnings, counts);
        }
        int parsed = counts.getOrDefault(MigrationStatements.Method.PARSED, 0);
        int fallback = counts.getOrDefault(MigrationStatements.Method.FALLBACK, 0);
        int scanned = counts.getOrDefault(MigrationStatements.Method.SCANNED, 0);
        String note = (parsed + fallback + scanned) + " migration statements in " + scripts.size() + " scripts: " + parsed
                + " parsed, " + fallback + " analysed by the PostgreSQL fallback, " + scanned + " only scanned";
        return new RuleResult(violations, warnings, List.of(note));
    }

    private void checkScript(Codebase codebase, MigrationScript script, List<Violation> violations, List<Violation> warnings,
            Map<MigrationStatements.Method, Integer> counts) {
        String file = codebase.sources().relative(script.path());
        List<String> searchPath = List.of(script.initialSearchPath());
        for (SqlScript.ScriptStatement statement : SqlScript.split(script.sql())) {
            Location location = Location.of(file, statement.line(), file);
            MigrationStatements.Analysis analysis = MigrationStatements.of(statement.sql());
            counts.merge(analysis.method(), 1, Integer::sum);
            boolean firstOnPath = true;
            for (TableReference reference : analysis.references()) {
                boolean lenient = LENIENT.contains(reference.kind());
                if (reference.kind() == TableReference.Kind.SEARCH_PATH) {
                    if (SYSTEM_SCHEMAS.contains(ModuleMap.normalize(reference.name()))) {
                        continue;
                    }
                    lenient = !firstOnPath; // only the first schema receives what the script creates
                    firstOnPath = false;
                }
                Optional<TableReference> resolved = resolve(reference, searchPath);
                if (resolved.isEmpty() || !crosses(codebase.modules(), script, resolved.get(), lenient)) {
                    continue;
                }
                violations.add(crossing(codebase, script, resolved.get(), reference.schema() == null, statement, location));
            }
            if (!analysis.checked()) {
                warnings.add(new Violation(id() + ".unchecked", location, script.owner() + " → ?", firstWords(statement.sql()),
                        "statement only scanned for qualified names: " + analysis.problem() + " (\"" + firstWords(statement.sql()) + "\")",
                        "keep such statements free of other schemas' names; if one must stay, review it by hand"));
            }
            if (analysis.searchPath().isPresent()) {
                List<String> schemas = analysis.searchPath().get().schemas();
                searchPath = schemas.isEmpty() ? List.of(script.initialSearchPath()) : schemas;
            }
        }
    }

    /**
     * The reference with its schema: as written, or, for an unqualified relation, routine or extension, the first
     * schema of the search path in force. Unqualified function calls resolve through {@code pg_catalog} first and
     * cannot be told apart, so they are left alone.
     */
    private static Optional<TableReference> resolve(TableReference reference, List<String> searchPath) {
        if (reference.schema() != null) {
            return Optional.of(reference);
        }
        return switch (reference.kind()) {
            case TABLE, ROUTINE, EXTENSION -> searchPath.stream().filter(schema -> !SYSTEM_SCHEMAS.contains(ModuleMap.normalize(schema)))
                    .findFirst().map(reference::in);
            default -> Optional.empty();
        };
    }

    /**
     * Whether a script may not name this schema: a module's or shared schema's script may create in and name only its
     * own schema and the system catalogs, and may call functions, place extensions and use dotted names in expressions
     * anywhere but in another module's schema; the migrations of no module may name anything but a module's schema.
     */
    private static boolean crosses(ModuleMap modules, MigrationScript script, TableReference reference, boolean lenient) {
        String schema = ModuleMap.normalize(reference.schema());
        if (SYSTEM_SCHEMAS.contains(schema) || script.ownSchemas().stream().anyMatch(own -> own.equalsIgnoreCase(schema))) {
            return false;
        }
        boolean moduleSchema = modules.ownerOfSchema(schema).isPresent();
        if (script.rootFolder() || lenient) {
            return moduleSchema;
        }
        return true;
    }

    private Violation crossing(Codebase codebase, MigrationScript script, TableReference reference, boolean throughSearchPath,
            SqlScript.ScriptStatement statement, Location location) {
        String schema = ModuleMap.normalize(reference.schema());
        String schemaOwner = codebase.modules().ownerOfSchema(schema).map(module -> "module " + module + "'s schema")
                .orElse(codebase.modules().isShared(schema) ? "the shared schema" : "a schema no module owns");
        String what = switch (reference.kind()) {
            case SCHEMA -> "names schema " + reference.display() + ", which is " + schemaOwner;
            case SEARCH_PATH -> "sets the search path to " + schemaOwner + " " + schema + ", so unqualified names go there";
            default -> "names " + reference.display() + (throughSearchPath ? " (an unqualified name, through the search path)" : "")
                    + " in " + schemaOwner + " " + schema;
        };
        String own = script.moduleOwned() ? script.owner() + "'s schema " + script.ownSchemaText()
                : script.rootFolder() ? "the shared schemas or schemas no module owns" : "the shared schema " + script.ownSchemaText();
        return new Violation(id(), location, script.owner() + " → " + reference.display(), reference.display(),
                what + " (\"" + firstWords(statement.sql()) + "\")",
                "touch only " + own + " (SET search_path TO it, or qualify names with it); keep another module's "
                        + "id as a plain column without foreign key, and copy what you need from its events");
    }

    private static String firstWords(String sql) {
        String flat = sql.strip().replaceAll("\\s+", " ");
        return flat.length() > 70 ? flat.substring(0, 67) + "…" : flat;
    }
}
