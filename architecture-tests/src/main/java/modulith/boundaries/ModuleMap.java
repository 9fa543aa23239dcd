package modulith.boundaries;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who owns what: which module a class belongs to, and which module owns a database schema. For the static rules the
 * modules and their base packages come from Spring Modulith's model ({@link #of}); a class belongs to the module with
 * the longest base package containing it, and classes outside every module (the application class) belong to none.
 * The runtime guard, which has no model at hand, takes each direct sub-package of the base package as a module.
 */
public final class ModuleMap {

    private final String basePackage;
    /** Module name → base package, longest package first; empty: every direct sub-package is a module. */
    private final Map<String, String> packageByModule;
    private final Map<String, String> schemaByModule;
    private final Set<String> sharedSchemas;

    /** Modules are the direct sub-packages of the base package. */
    public ModuleMap(String basePackage, Map<String, String> schemaByModule, Set<String> sharedSchemas) {
        this(basePackage, Map.of(), schemaByModule, sharedSchemas);
    }

    private ModuleMap(String basePackage, Map<String, String> packageByModule, Map<String, String> schemaByModule,
            Set<String> sharedSchemas) {
        this.basePackage = basePackage;
        this.packageByModule = packageByModule;
        this.schemaByModule = schemaByModule;
        this.sharedSchemas = sharedSchemas;
    }

    /** Modules with their base packages as Spring Modulith's model names them. */
    public static ModuleMap of(String basePackage, Map<String, String> packageByModule, Map<String, String> schemaByModule,
            Set<String> sharedSchemas) {
        Map<String, String> byDepth = new java.util.LinkedHashMap<>();
        packageByModule.entrySet().stream()
                .sorted(java.util.Comparator.comparingInt((Map.Entry<String, String> entry) -> entry.getValue().length()).reversed())
                .forEach(entry -> byDepth.put(entry.getKey(), entry.getValue()));
        return new ModuleMap(basePackage, java.util.Collections.unmodifiableMap(byDepth), Map.copyOf(schemaByModule),
                Set.copyOf(sharedSchemas));
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
        if (!packageByModule.isEmpty()) {
            return packageByModule.entrySet().stream()
                    .filter(entry -> packageName.equals(entry.getValue()) || packageName.startsWith(entry.getValue() + "."))
                    .map(Map.Entry::getKey)
                    .findFirst();
        }
        if (!packageName.startsWith(basePackage + ".")) {
            return Optional.empty();
        }
        String rest = packageName.substring(basePackage.length() + 1);
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }

    /** The base package of a module: its published API, unless the module is open or names interfaces of its own. */
    public String rootPackageOf(String module) {
        return packageByModule.getOrDefault(module, basePackage + "." + module);
    }

    /** Every module, those without a schema included, when the model named them; empty for the runtime guard's map. */
    public Set<String> modules() {
        return packageByModule.keySet();
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
