package modulith.boundaries;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who owns what: which module a class belongs to, and which module owns a database schema. A
 * module is a direct sub-package of the base package; classes directly in the base package (the
 * application class, the schema declaration) belong to no module.
 */
public final class ModuleMap {

    private final String basePackage;
    private final Map<String, String> schemaByModule;
    private final Set<String> sharedSchemas;

    public ModuleMap(String basePackage, Map<String, String> schemaByModule, Set<String> sharedSchemas) {
        this.basePackage = basePackage;
        this.schemaByModule = schemaByModule;
        this.sharedSchemas = sharedSchemas;
    }

    public String basePackage() {
        return basePackage;
    }

    /** The module of a class given by its fully qualified name (nested classes with {@code $} work too). */
    public Optional<String> moduleOfClass(String className) {
        int lastDot = className.lastIndexOf('.');
        return lastDot < 0 ? Optional.empty() : moduleOfPackage(className.substring(0, lastDot));
    }

    public Optional<String> moduleOfPackage(String packageName) {
        if (!packageName.startsWith(basePackage + ".")) {
            return Optional.empty();
        }
        String rest = packageName.substring(basePackage.length() + 1);
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }

    /** The root package of a module: its published API unless named interfaces add more. */
    public String rootPackageOf(String module) {
        return basePackage + "." + module;
    }

    public Optional<String> schemaOf(String module) {
        return Optional.ofNullable(schemaByModule.get(module));
    }

    /** The module owning a schema; empty for shared and unknown schemas. Postgres folds unquoted names to lower case. */
    public Optional<String> ownerOfSchema(String schema) {
        String normalized = normalize(schema);
        return schemaByModule.entrySet().stream()
                .filter(entry -> entry.getValue().equalsIgnoreCase(normalized))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    public boolean isShared(String schema) {
        String normalized = normalize(schema);
        return sharedSchemas.stream().anyMatch(shared -> shared.equalsIgnoreCase(normalized));
    }

    public Set<String> modulesWithSchema() {
        return schemaByModule.keySet();
    }

    public Set<String> sharedSchemas() {
        return sharedSchemas;
    }

    /**
     * Whether a module's code may touch a schema: its own, a shared one, or one no module owns
     * (such as {@code pg_catalog}); only other modules' schemas are off limits.
     */
    public boolean mayTouch(String module, String schema) {
        Optional<String> owner = ownerOfSchema(schema);
        return owner.isEmpty() || owner.get().equals(module) || isShared(schema);
    }

    /** Removes identifier quotes: {@code "users"} and {@code users} name the same schema. */
    public static String normalize(String identifier) {
        String trimmed = identifier.trim();
        if (trimmed.length() >= 2 && (trimmed.startsWith("\"") && trimmed.endsWith("\"")
                || trimmed.startsWith("`") && trimmed.endsWith("`"))) {
            return trimmed.substring(1, trimmed.length() - 1);
        }
        return trimmed.toLowerCase(java.util.Locale.ROOT);
    }
}
