package modulith.boundaries.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import modulith.boundaries.BoundaryRule;
import modulith.boundaries.Codebase;
import modulith.boundaries.Location;
import modulith.boundaries.ModuleMap;
import modulith.boundaries.RuleResult;
import modulith.boundaries.Violation;
import modulith.boundaries.sql.QualifiedNameScanner;
import modulith.boundaries.sql.SqlScript;
import modulith.boundaries.sql.SqlTables;
import modulith.boundaries.sql.TableReference;

/**
 * R6: the migrations in {@code <migrationRoot>/<module>/} name only that module's schema: no
 * table, foreign key, view, trigger or function of theirs reaches into another schema.
 *
 * <p>Each statement is parsed with JSqlParser. Unqualified names resolve to the module's schema
 * (Flyway runs each set with it as the default schema), so only qualified names can cross. What
 * JSqlParser cannot read (triggers, PL/pgSQL bodies between {@code $$}, statements its grammar
 * lacks) is scanned for dotted names whose first part is a known schema; such a statement is
 * additionally reported as a warning, so nobody mistakes it for fully checked.
 */
public final class OwnSchemaMigrationRule implements BoundaryRule {

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
        for (MigrationScript script : MigrationScript.in(codebase)) {
            checkScript(codebase, script.owner(), script.schema(), script, violations, warnings);
        }
        return new RuleResult(violations, warnings);
    }

    private void checkScript(Codebase codebase, String owner, String ownSchema, MigrationScript script, List<Violation> violations,
            List<Violation> warnings) {
        String file = codebase.sources().relative(script.path());
        for (SqlScript.ScriptStatement statement : SqlScript.split(script.sql())) {
            Location location = Location.of(file, statement.line(), file);
            SqlTables.Analysis analysis = SqlTables.of(statement.sql());
            List<TableReference> named = analysis.understood() ? analysis.references()
                    : QualifiedNameScanner.scan(statement.sql()).stream()
                            .filter(reference -> isKnownSchema(codebase.modules(), reference.schema()))
                            .toList();
            for (TableReference reference : named) {
                if (reference.schema() == null || ModuleMap.normalize(reference.schema()).equals(ModuleMap.normalize(ownSchema))
                        || SYSTEM_SCHEMAS.contains(ModuleMap.normalize(reference.schema()))) {
                    continue;
                }
                violations.add(crossing(codebase, owner, ownSchema, reference, statement, location));
            }
            if (!analysis.understood()) {
                warnings.add(new Violation(id() + ".unchecked", location, owner + " → ?", firstWords(statement.sql()),
                        "statement only scanned for qualified names: " + analysis.problem() + " (\"" + firstWords(statement.sql()) + "\")",
                        "keep such statements free of other schemas' names; if one must stay, review it by hand"));
            }
        }
    }

    private Violation crossing(Codebase codebase, String owner, String ownSchema, TableReference reference,
            SqlScript.ScriptStatement statement, Location location) {
        String schemaOwner = codebase.modules().ownerOfSchema(reference.schema()).map(module -> "module " + module + "'s schema")
                .orElse(codebase.modules().isShared(reference.schema()) ? "the shared schema" : "a schema no module owns");
        String what = reference.kind() == TableReference.Kind.SCHEMA
                ? "creates schema " + reference.display() + ", which is " + schemaOwner
                : "names " + reference.display() + " in " + schemaOwner + " " + ModuleMap.normalize(reference.schema())
                        + " (\"" + firstWords(statement.sql()) + "\")";
        return new Violation(id(), location, owner + " → " + reference.display(), reference.display(), what,
                "touch only " + owner + "'s schema " + ownSchema + " (unqualified names resolve to it); keep another module's "
                        + "id as a plain column without foreign key, and copy what you need from its events");
    }

    private static boolean isKnownSchema(ModuleMap modules, String schema) {
        return schema != null && (modules.ownerOfSchema(schema).isPresent() || modules.isShared(schema));
    }

    private static String firstWords(String sql) {
        String flat = sql.strip().replaceAll("\\s+", " ");
        return flat.length() > 70 ? flat.substring(0, 67) + "…" : flat;
    }
}
