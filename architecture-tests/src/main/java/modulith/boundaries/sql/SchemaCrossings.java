package modulith.boundaries.sql;

import java.util.List;
import modulith.boundaries.ModuleMap;

/**
 * Which objects named in one SQL statement lie in a schema the issuing module may not touch.
 * Unqualified names resolve through the module's own schema, so only schema-qualified names can
 * cross. Shared by the static SQL rule and the runtime guard, so both judge a statement alike.
 */
public final class SchemaCrossings {

    private final ModuleMap modules;

    public SchemaCrossings(ModuleMap modules) {
        this.modules = modules;
    }

    /**
     * @param foreign    objects in other modules' schemas
     * @param understood whether JSqlParser read the statement; if not, only dotted names whose first
     *                   part is a known schema were checked
     */
    public record Crossings(List<TableReference> foreign, boolean understood, String problem) {
    }

    public Crossings of(String module, String sql) {
        SqlTables.Analysis analysis = SqlTables.of(sql);
        List<TableReference> named = analysis.understood() ? analysis.references() : QualifiedNameScanner.scan(sql);
        List<TableReference> foreign = named.stream()
                .filter(reference -> reference.schema() != null)
                .filter(reference -> !modules.mayTouch(module, reference.schema()))
                .distinct()
                .toList();
        return new Crossings(foreign, analysis.understood(), analysis.problem());
    }

    /** {@code order → billing.accounts (billing's schema)}. */
    public String boundary(String module, TableReference reference) {
        return module + " → " + reference.display();
    }

    public String ownerOf(TableReference reference) {
        return modules.ownerOfSchema(reference.schema()).orElse("?");
    }
}
