package dev.bulkhead.platform.modules;

import dev.bulkhead.platform.OwnsSchema;
import dev.bulkhead.platform.RegistrySchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application's modules as Spring Modulith's module model describes them, with what each declares about
 * itself ({@link OwnsSchema} on its package). This is the one place the platform learns which modules exist and
 * which module a class belongs to: connection routing, the statement guard, partial hosting, provisioning and the
 * published-query endpoints all ask it, and none of them names a business module (ADR 0026).
 *
 * <p>The model comes from {@value #MODEL_FILE}, which the build writes from Modulith's model of the compiled classes
 * (ADR 0020) and Modulith's own runtime reads too; without the file (a run straight from an IDE's compiler) Modulith
 * computes the model from the classes, which costs a few seconds at start.
 */
public final class DeclaredModules {

    /** Where the build puts Modulith's exported module model; the test build writes one that includes test modules. */
    public static final String MODEL_FILE = "META-INF/spring-modulith/application-modules.json";

    private static volatile @Nullable DeclaredModules application;

    private final List<DeclaredModule> modules;
    /** Business modules, longest base package first, so a nested package finds its own module. */
    private final List<DeclaredModule> byPackageDepth;

    private DeclaredModules(List<DeclaredModule> modules) {
        // by name: the model files list modules in an order of Modulith's choosing, and roles, pools and docs follow this one
        this.modules = modules.stream().sorted(Comparator.comparing(DeclaredModule::name)).toList();
        List<DeclaredModule> business = new ArrayList<>(modules.stream().filter(module -> !module.shared()).toList());
        business.sort(Comparator.comparingInt((DeclaredModule module) -> module.basePackage().length()).reversed());
        this.byPackageDepth = List.copyOf(business);
    }

    /** This application's modules: read once from the model file on the class path (or computed without one). */
    public static DeclaredModules application() {
        DeclaredModules loaded = application;
        if (loaded == null) {
            synchronized (DeclaredModules.class) {
                loaded = application;
                if (loaded == null) {
                    loaded = load(DeclaredModules.class.getClassLoader());
                    application = loaded;
                }
            }
        }
        return loaded;
    }

    /** The modules of a model Modulith computed, for tools that build their own (the docs, the boundary rules). */
    public static DeclaredModules of(ApplicationModules model) {
        List<DeclaredModule> modules = new ArrayList<>();
        for (ApplicationModule module : model) {
            String basePackage = module.getBasePackage().getName();
            modules.add(DeclaredModule.of(module.getIdentifier().toString(), module.getDisplayName(), basePackage,
                    model.getSharedModules().contains(module), DeclaredModules.class.getClassLoader()));
        }
        return new DeclaredModules(modules);
    }

    static DeclaredModules load(ClassLoader loader) {
        try (InputStream file = loader.getResourceAsStream(MODEL_FILE)) {
            if (file == null) {
                return of(ApplicationModules.of(applicationPackage()));
            }
            return fromModelFile(file, loader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the module model " + MODEL_FILE, e);
        }
    }

    /** Reads the JSON that Modulith's {@code ApplicationModulesExporter} writes: one object per module, by name. */
    static DeclaredModules fromModelFile(InputStream file, ClassLoader loader) {
        JsonNode model = JsonMapper.builder().build().readTree(file);
        List<DeclaredModule> modules = new ArrayList<>();
        model.properties().forEach(entry -> {
            JsonNode module = entry.getValue();
            modules.add(DeclaredModule.of(entry.getKey(), module.path("displayName").asString(entry.getKey()),
                    module.path("basePackage").asString(), module.path("shared").asBoolean(false), loader));
        });
        return new DeclaredModules(modules);
    }

    /**
     * The package whose modules these are: the platform is one of the application's modules, so the application's
     * package is its parent.
     */
    public static String applicationPackage() {
        String platform = RegistrySchema.class.getPackageName();
        return platform.substring(0, platform.lastIndexOf('.'));
    }

    /** Every module, shared ones (platform, kernel) included, by name. */
    public List<DeclaredModule> all() {
        return modules;
    }

    /** The business modules: those a process may host or leave to another (ADR 0018). */
    public List<DeclaredModule> business() {
        return modules.stream().filter(module -> !module.shared()).toList();
    }

    /** The names of this application's business modules. */
    public static List<String> businessModuleNames() {
        return application().business().stream().map(DeclaredModule::name).toList();
    }

    public Optional<DeclaredModule> named(String name) {
        return modules.stream().filter(module -> module.name().equals(name)).findFirst();
    }

    /**
     * The business module a class, or a method named {@code <class>.<method>}, belongs to; empty for shared
     * modules' classes and for everything outside the application (Spring, Modulith, JDK).
     */
    public Optional<DeclaredModule> moduleOf(@Nullable String qualifiedName) {
        if (qualifiedName == null) {
            return Optional.empty();
        }
        for (DeclaredModule module : byPackageDepth) {
            if (module.contains(qualifiedName)) {
                return Optional.of(module);
            }
        }
        return Optional.empty();
    }

    /** The schema owner a class works for: its module, when that module owns a schema. */
    public Optional<String> ownerOf(@Nullable String qualifiedName) {
        return moduleOf(qualifiedName).filter(module -> module.schema() != null).map(DeclaredModule::name);
    }

    public Optional<String> schemaOf(String module) {
        return named(module).map(DeclaredModule::schema);
    }

    /** Module name to the schema it owns, for every module that owns one, by module name. */
    public Map<String, String> schemaByModule() {
        Map<String, String> schemas = new LinkedHashMap<>();
        for (DeclaredModule module : modules) {
            if (module.schema() != null) {
                schemas.put(module.name(), module.schema());
            }
        }
        return Collections.unmodifiableMap(schemas);
    }

    /**
     * Every owner of a schema: the event registry first (every module writes into it), then the modules. Each owner
     * gets its own migration set ({@code db/<owner>/}), Postgres roles and connection budget.
     */
    public Map<String, String> schemaByOwner() {
        Map<String, String> owners = new LinkedHashMap<>();
        owners.put(RegistrySchema.OWNER, RegistrySchema.NAME);
        owners.putAll(schemaByModule());
        return Collections.unmodifiableMap(owners);
    }

    /** One module of the model and its own declarations. */
    public record DeclaredModule(String name, String displayName, String basePackage, boolean shared,
            @Nullable String schema, List<String> extensions) {

        public DeclaredModule {
            extensions = List.copyOf(extensions);
        }

        static DeclaredModule of(String name, String displayName, String basePackage, boolean shared,
                ClassLoader loader) {
            OwnsSchema declaration = declaration(basePackage, loader);
            return new DeclaredModule(name, displayName, basePackage, shared, declaration == null ? null : declaration.value(),
                    declaration == null ? List.of() : List.of(declaration.extensions()));
        }

        /** Whether a class or method of this qualified name lies in the module's packages. */
        public boolean contains(String qualifiedName) {
            return qualifiedName.startsWith(basePackage)
                    && (qualifiedName.length() == basePackage.length() || qualifiedName.charAt(basePackage.length()) == '.');
        }

        /** Whether a type is in the module's API package, where its facade, DTOs and events live. */
        public boolean isApiPackage(String packageName) {
            return packageName.equals(basePackage);
        }

        private static @Nullable OwnsSchema declaration(String basePackage, ClassLoader loader) {
            try {
                return Class.forName(basePackage + ".package-info", false, loader).getAnnotation(OwnsSchema.class);
            } catch (ClassNotFoundException e) {
                return null;
            }
        }
    }
}
