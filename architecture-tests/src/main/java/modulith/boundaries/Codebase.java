package modulith.boundaries;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.SourceCodeLocation;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Locations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import modulith.boundaries.source.SourceLocator;

/**
 * The analysed application: its classes (imported once), who owns them, and where their sources
 * are. Rules ask it questions; it knows nothing about any particular rule.
 */
public final class Codebase {

    static final String ENTITY = "jakarta.persistence.Entity";
    static final String EMBEDDABLE = "jakarta.persistence.Embeddable";
    static final String MAPPED_SUPERCLASS = "jakarta.persistence.MappedSuperclass";

    /** Imports by {@link BoundaryConfiguration#importKey()}: every rule of one codebase shares one import. */
    private static final Map<Object, Imported> IMPORTED = new ConcurrentHashMap<>();

    private record Imported(JavaClasses classes, ModulithModel model) {
    }

    private final BoundaryConfiguration configuration;
    private final ModulithModel model;
    private final ModuleSchemas schemas;
    private final ModuleMap modules;
    private final JavaClasses classes;
    private final SourceLocator sources;

    private Codebase(BoundaryConfiguration configuration, Imported imported) {
        this.configuration = configuration;
        this.model = imported.model();
        this.classes = imported.classes();
        this.schemas = ModuleSchemas.derive(configuration, model, classes);
        this.modules = ModuleMap.of(model.rootPackage(), model.packageByModule(), schemas.schemaByModule(), schemas.sharedSchemas());
        this.sources = new SourceLocator(configuration.sourceRoots(), configuration.repositoryRoot());
    }

    /**
     * Imports the application's classes and Spring Modulith's model of them; the import is shared by every rule
     * checking the same application. Spring Modulith imports the classes on its own, on a thread of its own, while
     * the rule engine imports them here.
     */
    public static Codebase of(BoundaryConfiguration configuration) {
        Imported imported = IMPORTED.computeIfAbsent(configuration.importKey(), key -> importBoth(configuration));
        return new Codebase(configuration, imported);
    }

    private static Imported importBoth(BoundaryConfiguration configuration) {
        CompletableFuture<ModulithModel> model = new CompletableFuture<>();
        // a thread of its own inherits the test's context class loader, which the common pool's threads do not
        Thread modulith = new Thread(() -> {
            try {
                model.complete(ModulithModel.of(configuration));
            } catch (Throwable failure) {
                model.completeExceptionally(failure);
            }
        }, "spring-modulith-import");
        modulith.setDaemon(true);
        modulith.start();
        JavaClasses classes = importClasses(configuration);
        try {
            return new Imported(classes, model.join());
        } catch (CompletionException failure) {
            if (failure.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (failure.getCause() instanceof Error cause) {
                throw cause;
            }
            throw failure;
        }
    }

    private static JavaClasses importClasses(BoundaryConfiguration configuration) {
        ClassFileImporter importer = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS);
        if (!configuration.includeTestClasses()) {
            importer = importer.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS);
        }
        return importer.importLocations(locationsOf(configuration.applicationPackage()));
    }

    /**
     * The folders and jars where the class loader finds the package. {@code importPackages} would
     * also list every entry of every jar and JDK module on the class path (about 78,000 here) to find
     * jars that lack directory entries; jars are not imported, so that scan is skipped. Classes the
     * imported ones refer to are still resolved from the whole class path, as before.
     */
    private static Set<com.tngtech.archunit.core.importer.Location> locationsOf(String basePackage) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = Codebase.class.getClassLoader();
        }
        try {
            return Locations.of(Collections.list(loader.getResources(basePackage.replace('.', '/'))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find package " + basePackage + " on the class path", e);
        }
    }

    /** Spring Modulith's model: modules, what they publish, what they may use. */
    public ModulithModel model() {
        return model;
    }

    /** Which schema each module owns, and where that was found. */
    public ModuleSchemas schemas() {
        return schemas;
    }

    public BoundaryConfiguration configuration() {
        return configuration;
    }

    public ModuleMap modules() {
        return modules;
    }

    public SourceLocator sources() {
        return sources;
    }

    /** The application's own classes, sorted by name so reports come out in a stable order. */
    public List<JavaClass> classes() {
        return classes.stream()
                .filter(javaClass -> javaClass.getPackageName().equals(model.rootPackage())
                        || javaClass.getPackageName().startsWith(model.rootPackage() + "."))
                .sorted(Comparator.comparing(JavaClass::getName))
                .toList();
    }

    /** The module Spring Modulith puts the class in (by its package, so classes the model left out are placed too). */
    public Optional<String> moduleOf(JavaClass javaClass) {
        return model.moduleOfClass(javaClass.getName()).or(() -> modules.moduleOfPackage(javaClass.getPackageName()));
    }

    /**
     * Whether other modules may use this type, as Spring Modulith decides it: it is in a named interface of its
     * module (the base package is the unnamed one), or its module is open.
     */
    public boolean isPublished(JavaClass javaClass) {
        return moduleOf(javaClass).isEmpty() || model.isExposed(javaClass.getName());
    }

    public boolean isEntity(JavaClass javaClass) {
        return javaClass.isAnnotatedWith(ENTITY);
    }

    /** Entities, embeddables and mapped superclasses: every class whose fields become columns. */
    public boolean isPersistent(JavaClass javaClass) {
        return javaClass.isAnnotatedWith(ENTITY) || javaClass.isAnnotatedWith(EMBEDDABLE)
                || javaClass.isAnnotatedWith(MAPPED_SUPERCLASS);
    }

    /** JPQL names of all entities ({@code @Entity(name)} or the simple class name) → entity class. */
    public Map<String, JavaClass> entitiesByJpqlName() {
        return classes().stream().filter(this::isEntity).collect(Collectors.toMap(
                entity -> entity.getAnnotationOfType(ENTITY).get("name").map(String::valueOf)
                        .filter(name -> !name.isEmpty()).orElse(entity.getSimpleName()),
                entity -> entity, (first, second) -> first));
    }

    /**
     * How to phrase "use the module's API instead": {@code UserApi.findById} when the module
     * publishes a facade interface with a query method, else the module's root package.
     */
    public String publishedApiHint(String module) {
        String rootPackage = modules.rootPackageOf(module);
        Optional<JavaClass> facade = classes().stream()
                .filter(javaClass -> javaClass.getPackageName().equals(rootPackage) && javaClass.isInterface()
                        && javaClass.getModifiers().contains(JavaModifier.PUBLIC))
                .min(Comparator.comparing((JavaClass javaClass) -> !javaClass.getSimpleName().endsWith("Api"))
                        .thenComparing(JavaClass::getSimpleName));
        if (facade.isEmpty()) {
            return "the public types in " + rootPackage;
        }
        Optional<String> query = facade.get().getMethods().stream()
                .map(JavaMethod::getName)
                .filter(name -> name.startsWith("find") || name.startsWith("get"))
                .sorted()
                .findFirst();
        return "`" + facade.get().getSimpleName() + query.map(name -> "." + name).orElse("") + "`";
    }

    /** A location for something ArchUnit knows the line of. */
    public Location locate(SourceCodeLocation where, String member) {
        // signatures (field types, parameters) carry no line in bytecode: point at the class then
        int line = where.getLineNumber() > 0 ? where.getLineNumber() : sources.declarationLine(where.getSourceClass());
        return Location.of(sources.displayPath(where.getSourceClass()), line, member);
    }

    public Location locateClass(JavaClass javaClass) {
        return Location.of(sources.displayPath(javaClass), sources.declarationLine(javaClass), javaClass.getName());
    }

    public Location locateMember(JavaClass javaClass, String member, boolean method) {
        return Location.of(sources.displayPath(javaClass), sources.memberLine(javaClass, member, method),
                javaClass.getName() + "." + member);
    }
}
