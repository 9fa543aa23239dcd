package modulith.boundaries;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Everything the rules need to know about one codebase; nothing in the rules is specific to a project.
 *
 * <p>The modules themselves are never configured here: the rules take them from Spring Modulith's model of the
 * application ({@code ApplicationModules}): which module each class belongs to, what each module publishes (its
 * base package, its named interfaces, all of it when it is open) and which modules it may depend on. What Spring
 * Modulith does not know, the schema each module owns, follows a convention (see {@link ModuleSchemas}) that
 * configuration can override or complete.
 *
 * <p>Start from {@link #of(Class)} with the application class ({@code @SpringBootApplication}, {@code @Modulithic});
 * every other setting has a default that fits a Maven or Gradle project laid out as Spring Boot and Spring Modulith
 * document it.
 */
public final class BoundaryConfiguration {

    /** The default baseline of accepted violations, relative to the repository root. */
    public static final Path DEFAULT_BASELINE = Path.of("src/test/resources/boundary-baseline.txt");
    /** Where the SARIF log is written by default, relative to the working directory. */
    public static final Path DEFAULT_SARIF = Path.of("target/boundary-rules/boundary-violations.sarif");

    private Class<?> applicationClass;
    private String applicationPackage;
    private boolean includeTestClasses;
    private Path repositoryRoot = Path.of("");
    private List<Path> sourceRoots = List.of(Path.of("src/main/java"));
    private MigrationLayout migrations = MigrationLayout.springModulith();
    private Map<String, String> schemaOverrides = Map.of();
    private List<String> schemaAnnotations = List.of();
    private Set<String> sharedSchemas = Set.of();
    private PackageSet identityStatementPackages = PackageSet.of();
    private Policies policies = Policies.defaults();
    private Path baseline = DEFAULT_BASELINE;
    private Path sarif = DEFAULT_SARIF;

    private BoundaryConfiguration() {
    }

    /** The application whose package, with its sub-packages, Spring Modulith reads as modules. */
    public static BoundaryConfiguration of(Class<?> applicationClass) {
        BoundaryConfiguration configuration = new BoundaryConfiguration();
        configuration.applicationClass = Objects.requireNonNull(applicationClass);
        configuration.applicationPackage = applicationClass.getPackageName();
        return configuration;
    }

    /** An application given by its base package, for code without an application class (a fixture, a library of modules). */
    public static BoundaryConfiguration ofPackage(String applicationPackage) {
        BoundaryConfiguration configuration = new BoundaryConfiguration();
        configuration.applicationPackage = Objects.requireNonNull(applicationPackage);
        return configuration;
    }

    /** Whether classes from test output folders count as the application's (only for applications compiled with tests: fixtures). */
    public BoundaryConfiguration includingTestClasses() {
        return copy(it -> it.includeTestClasses = true);
    }

    /** The folder paths in reports are relative to, and that the other paths resolve against; the working directory by default. */
    public BoundaryConfiguration withRepositoryRoot(Path root) {
        return copy(it -> it.repositoryRoot = root);
    }

    /** Where the {@code .java} files are, for line numbers: {@code src/main/java} by default. */
    public BoundaryConfiguration withSourceRoots(Path... roots) {
        return copy(it -> it.sourceRoots = List.of(roots));
    }

    /** Where the migrations are and how they run: Spring Modulith's per-module Flyway folders by default. */
    public BoundaryConfiguration withMigrations(MigrationLayout layout) {
        return copy(it -> it.migrations = Objects.requireNonNull(layout));
    }

    /** The schema a module owns, whatever the convention would find. */
    public BoundaryConfiguration withSchema(String module, String schema) {
        Map<String, String> schemas = new LinkedHashMap<>(schemaOverrides);
        schemas.put(module, schema);
        return copy(it -> it.schemaOverrides = Map.copyOf(schemas));
    }

    /** The schemas of several modules, whatever the convention would find. */
    public BoundaryConfiguration withSchemas(Map<String, String> schemaByModule) {
        Map<String, String> schemas = new LinkedHashMap<>(schemaOverrides);
        schemas.putAll(schemaByModule);
        return copy(it -> it.schemaOverrides = Map.copyOf(schemas));
    }

    /**
     * An annotation, by its fully qualified name, that a module puts on its {@code package-info.java} to declare its
     * schema in its {@code value}: the rules read the schema where the module declares it.
     */
    public BoundaryConfiguration withSchemaAnnotation(String annotationType) {
        List<String> annotations = new java.util.ArrayList<>(schemaAnnotations);
        annotations.add(annotationType);
        return copy(it -> it.schemaAnnotations = List.copyOf(annotations));
    }

    /** Schemas every module may use and none owns, such as the event publication registry's. */
    public BoundaryConfiguration withSharedSchemas(String... schemas) {
        Set<String> shared = new LinkedHashSet<>(sharedSchemas);
        shared.addAll(List.of(schemas));
        return copy(it -> it.sharedSchemas = Set.copyOf(shared));
    }

    /**
     * The packages that provision the database: the only code R9 lets switch roles, set search paths and grant
     * privileges. None by default.
     */
    public BoundaryConfiguration withIdentityStatementsAllowedIn(String... packages) {
        return copy(it -> it.identityStatementPackages = PackageSet.of(packages));
    }

    /** The policies (rules that encode a way of working rather than a boundary), switched or tuned. */
    public BoundaryConfiguration withPolicies(Policies policies) {
        return copy(it -> it.policies = Objects.requireNonNull(policies));
    }

    /**
     * Switches a rule off by its id. Only a policy can be: read-only published APIs ({@code R7.read-only-api}),
     * listener placement ({@code R7.listener}) and event shape ({@code R7.event}). A boundary rule cannot; its
     * violations can only be accepted one by one, each with its reason, in the baseline.
     *
     * @throws IllegalArgumentException for a boundary rule or an unknown id
     */
    public BoundaryConfiguration withRuleSwitchedOff(String ruleId) {
        return withPolicies(policies.switchedOff(ruleId));
    }

    /** The baseline of accepted violations: {@code src/test/resources/boundary-baseline.txt} by default, relative to the repository root. */
    public BoundaryConfiguration withBaseline(Path file) {
        return copy(it -> it.baseline = file);
    }

    /** Where the SARIF log goes: {@code target/boundary-rules/boundary-violations.sarif} by default. */
    public BoundaryConfiguration withSarif(Path file) {
        return copy(it -> it.sarif = file);
    }

    /** The application class, when given; else null and {@link #applicationPackage()} stands for it. */
    public Class<?> applicationClass() {
        return applicationClass;
    }

    public String applicationPackage() {
        return applicationPackage;
    }

    public boolean includeTestClasses() {
        return includeTestClasses;
    }

    public Path repositoryRoot() {
        return repositoryRoot.toAbsolutePath().normalize();
    }

    public List<Path> sourceRoots() {
        return sourceRoots;
    }

    public MigrationLayout migrations() {
        return migrations;
    }

    public Map<String, String> schemaOverrides() {
        return schemaOverrides;
    }

    public List<String> schemaAnnotations() {
        return schemaAnnotations;
    }

    public Set<String> sharedSchemas() {
        return sharedSchemas;
    }

    public PackageSet identityStatementPackages() {
        return identityStatementPackages;
    }

    public Policies policies() {
        return policies;
    }

    /** The baseline file, resolved against the repository root. */
    public Path baseline() {
        return repositoryRoot().resolve(baseline);
    }

    public Path sarif() {
        return sarif;
    }

    /** What identifies the analysed classes: two configurations with the same key share one import of them. */
    Object importKey() {
        return List.of(applicationPackage, String.valueOf(applicationClass), includeTestClasses);
    }

    private BoundaryConfiguration copy(Consumer<BoundaryConfiguration> change) {
        BoundaryConfiguration copy = new BoundaryConfiguration();
        copy.applicationClass = applicationClass;
        copy.applicationPackage = applicationPackage;
        copy.includeTestClasses = includeTestClasses;
        copy.repositoryRoot = repositoryRoot;
        copy.sourceRoots = sourceRoots;
        copy.migrations = migrations;
        copy.schemaOverrides = schemaOverrides;
        copy.schemaAnnotations = schemaAnnotations;
        copy.sharedSchemas = sharedSchemas;
        copy.identityStatementPackages = identityStatementPackages;
        copy.policies = policies;
        copy.baseline = baseline;
        copy.sarif = sarif;
        change.accept(copy);
        return copy;
    }
}
