package modulith.boundaries;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the rules need to know about one codebase; nothing in the rules is specific to a
 * project. A Spring Modulith codebase applies the rules by building one of these from its own
 * module → schema declaration.
 *
 * @param basePackage       the application's root package; each direct sub-package is a module
 * @param schemaByModule    module name → the one database schema it owns
 * @param sharedSchemas     schemas every module may use and none owns (such as the event publication registry)
 * @param sourceRoots       where the {@code .java} files live, for line numbers and constant scans
 * @param migrationRoot     folder holding one migration folder per module ({@code <root>/<module>/V*.sql}),
 *                          and one per shared schema named after it
 * @param repositoryRoot    paths in reports are relative to this folder
 * @param includeTestClasses whether classes from test output folders are analysed (true only for fixtures)
 * @param identityStatementPackages packages (with their sub-packages) whose code may switch roles, set search
 *                          paths and grant privileges: the code that provisions the database, nothing else
 */
public record BoundaryConfiguration(
        String basePackage,
        Map<String, String> schemaByModule,
        Set<String> sharedSchemas,
        List<Path> sourceRoots,
        Path migrationRoot,
        Path repositoryRoot,
        boolean includeTestClasses,
        PackageSet identityStatementPackages) {

    public BoundaryConfiguration {
        schemaByModule = Map.copyOf(new LinkedHashMap<>(schemaByModule));
        sharedSchemas = Set.copyOf(new LinkedHashSet<>(sharedSchemas));
        sourceRoots = List.copyOf(sourceRoots);
        repositoryRoot = repositoryRoot.toAbsolutePath().normalize();
    }

    /** A configuration for an application compiled into the main output folder, run from the repository root. */
    public static BoundaryConfiguration forApplication(String basePackage, Map<String, String> schemaByModule,
            Set<String> sharedSchemas) {
        return new BoundaryConfiguration(basePackage, schemaByModule, sharedSchemas, List.of(Path.of("src/main/java")),
                Path.of("db"), Path.of(""), false, PackageSet.of());
    }

    public BoundaryConfiguration withSourceRoots(Path... roots) {
        return new BoundaryConfiguration(basePackage, schemaByModule, sharedSchemas, List.of(roots), migrationRoot,
                repositoryRoot, includeTestClasses, identityStatementPackages);
    }

    public BoundaryConfiguration withMigrationRoot(Path root) {
        return new BoundaryConfiguration(basePackage, schemaByModule, sharedSchemas, sourceRoots, root, repositoryRoot,
                includeTestClasses, identityStatementPackages);
    }

    /** For fixtures, which are compiled with the tests. */
    public BoundaryConfiguration includingTestClasses() {
        return new BoundaryConfiguration(basePackage, schemaByModule, sharedSchemas, sourceRoots, migrationRoot,
                repositoryRoot, true, identityStatementPackages);
    }

    /**
     * The packages that provision the database: the only code R9 lets switch roles, set search paths
     * and grant privileges. None by default.
     */
    public BoundaryConfiguration withIdentityStatementsAllowedIn(String... packages) {
        return new BoundaryConfiguration(basePackage, schemaByModule, sharedSchemas, sourceRoots, migrationRoot,
                repositoryRoot, includeTestClasses, PackageSet.of(packages));
    }
}
