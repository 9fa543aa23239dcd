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
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import modulith.boundaries.source.SourceLocator;

/**
 * The analysed application: its classes (imported once), who owns them, and where their sources
 * are. Rules ask it questions; it knows nothing about any particular rule.
 */
public final class Codebase {

    static final String NAMED_INTERFACE = "org.springframework.modulith.NamedInterface";
    static final String ENTITY = "jakarta.persistence.Entity";
    static final String EMBEDDABLE = "jakarta.persistence.Embeddable";
    static final String MAPPED_SUPERCLASS = "jakarta.persistence.MappedSuperclass";

    private static final Map<BoundaryConfiguration, JavaClasses> IMPORTED = new ConcurrentHashMap<>();

    private final BoundaryConfiguration configuration;
    private final ModuleMap modules;
    private final JavaClasses classes;
    private final SourceLocator sources;

    private Codebase(BoundaryConfiguration configuration, JavaClasses classes) {
        this.configuration = configuration;
        this.modules = new ModuleMap(configuration.basePackage(), configuration.schemaByModule(), configuration.sharedSchemas());
        this.classes = classes;
        this.sources = new SourceLocator(configuration.sourceRoots(), configuration.repositoryRoot());
    }

    /** Imports the configured base package; the import is shared by every rule checking the same configuration. */
    public static Codebase of(BoundaryConfiguration configuration) {
        JavaClasses classes = IMPORTED.computeIfAbsent(configuration, Codebase::importClasses);
        return new Codebase(configuration, classes);
    }

    private static JavaClasses importClasses(BoundaryConfiguration configuration) {
        ClassFileImporter importer = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS);
        if (!configuration.includeTestClasses()) {
            importer = importer.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS);
        }
        return importer.importLocations(locationsOf(configuration.basePackage()));
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
                .filter(javaClass -> javaClass.getPackageName().startsWith(configuration.basePackage()))
                .sorted(Comparator.comparing(JavaClass::getName))
                .toList();
    }

    public Optional<String> moduleOf(JavaClass javaClass) {
        return modules.moduleOfPackage(javaClass.getPackageName());
    }

    /**
     * Whether other modules may use this type: it is in its module's root package, or it or its
     * package is a Spring Modulith {@code @NamedInterface}.
     */
    public boolean isPublished(JavaClass javaClass) {
        Optional<String> module = moduleOf(javaClass);
        if (module.isEmpty()) {
            return true;
        }
        JavaClass outermost = javaClass;
        while (outermost.getEnclosingClass().isPresent()) {
            if (outermost.isAnnotatedWith(NAMED_INTERFACE)) {
                return true;
            }
            outermost = outermost.getEnclosingClass().get();
        }
        return javaClass.getPackageName().equals(modules.rootPackageOf(module.get()))
                || outermost.isAnnotatedWith(NAMED_INTERFACE)
                || javaClass.getPackage().isAnnotatedWith(NAMED_INTERFACE);
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
