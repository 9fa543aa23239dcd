package modulith.boundaries;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import modulith.boundaries.sql.MigrationStatements;
import modulith.boundaries.sql.SqlScript;
import modulith.boundaries.sql.TableReference;

/**
 * Which schema each module owns, found by convention where the configuration does not say it. For each module of
 * Spring Modulith's model, the first of these that names a schema:
 * <ol>
 * <li>the configuration ({@link BoundaryConfiguration#withSchema});</li>
 * <li>a configured annotation on the module's {@code package-info.java} ({@link BoundaryConfiguration#withSchemaAnnotation});</li>
 * <li>the first {@code CREATE SCHEMA} in the module's migration folder ({@code db/migration/<module>/});</li>
 * <li>the schema most of the module's entities name in {@code @Table(schema)};</li>
 * <li>the first {@code SET search_path} in the module's migration folder.</li>
 * </ol>
 * A module none of these names owns no schema (such as a module of shared types). Shared schemas are the configured
 * ones plus those the migrations of no module (the {@code __root} folder) create.
 */
public final class ModuleSchemas {

    private static final String TABLE = "jakarta.persistence.Table";

    /** @param source where the schema was found, for the report of the mapping */
    public record Ownership(String module, String schema, String source) {
    }

    private final Map<String, Ownership> byModule;
    private final Set<String> sharedSchemas;

    private ModuleSchemas(Map<String, Ownership> byModule, Set<String> sharedSchemas) {
        this.byModule = byModule;
        this.sharedSchemas = sharedSchemas;
    }

    public static ModuleSchemas derive(BoundaryConfiguration configuration, ModulithModel model, JavaClasses classes) {
        Path migrationRoot = configuration.repositoryRoot().resolve(configuration.migrations().root());
        for (String configured : configuration.schemaOverrides().keySet()) {
            if (!model.packageByModule().containsKey(configured)) {
                throw new IllegalArgumentException("the configuration gives module " + configured + " a schema, but Spring Modulith's "
                        + "model has no module " + configured + "; its modules are " + model.packageByModule().keySet());
            }
        }
        Map<String, Ownership> owned = new TreeMap<>();
        for (Map.Entry<String, String> module : model.packageByModule().entrySet()) {
            String name = module.getKey();
            Optional<Ownership> ownership = Optional.ofNullable(configuration.schemaOverrides().get(name))
                    .map(schema -> new Ownership(name, schema, "configured"))
                    .or(() -> declaredOnPackage(configuration, classes, name, module.getValue()))
                    .or(() -> firstInMigrations(configuration, name, TableReference.Kind.SCHEMA))
                    .or(() -> namedByEntities(model, classes, name))
                    .or(() -> firstInMigrations(configuration, name, TableReference.Kind.SEARCH_PATH));
            ownership.ifPresent(found -> owned.put(name, found));
        }
        Set<String> shared = new LinkedHashSet<>(configuration.sharedSchemas());
        for (Path script : scripts(migrationRoot.resolve(configuration.migrations().rootFolder()))) {
            for (SqlScript.ScriptStatement statement : SqlScript.split(read(script))) {
                MigrationStatements.of(statement.sql()).references().stream()
                        .filter(reference -> reference.kind() == TableReference.Kind.SCHEMA)
                        .map(reference -> ModuleMap.normalize(reference.name()))
                        .filter(schema -> owned.values().stream().noneMatch(ownership -> ownership.schema().equalsIgnoreCase(schema)))
                        .forEach(shared::add);
            }
        }
        return new ModuleSchemas(owned, Set.copyOf(shared));
    }

    public Map<String, String> schemaByModule() {
        Map<String, String> schemas = new LinkedHashMap<>();
        byModule.forEach((module, ownership) -> schemas.put(module, ownership.schema()));
        return schemas;
    }

    public Set<String> sharedSchemas() {
        return sharedSchemas;
    }

    /** One line per module: its schema and where that was found; for the test log, so the mapping is never a guess. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        byModule.values().forEach(ownership -> lines.add(ownership.module() + " → " + ownership.schema() + " (" + ownership.source() + ")"));
        if (!sharedSchemas.isEmpty()) {
            lines.add("shared: " + String.join(", ", sharedSchemas.stream().sorted().toList()));
        }
        return lines;
    }

    private static Optional<Ownership> declaredOnPackage(BoundaryConfiguration configuration, JavaClasses classes, String module,
            String basePackage) {
        if (configuration.schemaAnnotations().isEmpty() || !classes.containPackage(basePackage)) {
            return Optional.empty();
        }
        for (String annotation : configuration.schemaAnnotations()) {
            Optional<? extends JavaAnnotation<?>> declared = classes.getPackage(basePackage).tryGetAnnotationOfType(annotation);
            Optional<String> schema = declared.flatMap(found -> found.get("value")).map(String::valueOf).filter(value -> !value.isBlank());
            if (schema.isPresent()) {
                return Optional.of(new Ownership(module, schema.get(), "@" + annotation.substring(annotation.lastIndexOf('.') + 1)
                        + " on " + basePackage));
            }
        }
        return Optional.empty();
    }

    private static Optional<Ownership> firstInMigrations(BoundaryConfiguration configuration, String module, TableReference.Kind kind) {
        Path folder = configuration.repositoryRoot().resolve(configuration.migrations().root()).resolve(module);
        for (Path script : scripts(folder)) {
            for (SqlScript.ScriptStatement statement : SqlScript.split(read(script))) {
                Optional<TableReference> found = MigrationStatements.of(statement.sql()).references().stream()
                        .filter(reference -> reference.kind() == kind)
                        .filter(reference -> !reference.name().equalsIgnoreCase("pg_catalog"))
                        .findFirst();
                if (found.isPresent()) {
                    String what = kind == TableReference.Kind.SCHEMA ? "CREATE SCHEMA" : "SET search_path";
                    return Optional.of(new Ownership(module, ModuleMap.normalize(found.get().name()),
                            what + " in " + configuration.migrations().root().resolve(module).resolve(script.getFileName().toString())
                                    .toString().replace('\\', '/')));
                }
            }
        }
        return Optional.empty();
    }

    /** The schema named by most of the module's entities' {@code @Table}; a tie says nothing. */
    private static Optional<Ownership> namedByEntities(ModulithModel model, JavaClasses classes, String module) {
        Map<String, Integer> counts = new TreeMap<>();
        for (JavaClass type : classes) {
            if (type.isAnnotatedWith(TABLE) && model.moduleOfClass(type.getName()).filter(module::equals).isPresent()) {
                type.getAnnotationOfType(TABLE).get("schema").map(String::valueOf).filter(schema -> !schema.isBlank())
                        .ifPresent(schema -> counts.merge(schema.toLowerCase(Locale.ROOT), 1, Integer::sum));
            }
        }
        List<Map.Entry<String, Integer>> ranked = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())).toList();
        if (ranked.isEmpty() || ranked.size() > 1 && ranked.get(0).getValue().equals(ranked.get(1).getValue())) {
            return Optional.empty();
        }
        return Optional.of(new Ownership(module, ranked.get(0).getKey(), "@Table(schema) of " + ranked.get(0).getValue() + " entit"
                + (ranked.get(0).getValue() == 1 ? "y" : "ies")));
    }

    static List<Path> scripts(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(path -> path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path script) {
        try {
            return Files.readString(script);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
