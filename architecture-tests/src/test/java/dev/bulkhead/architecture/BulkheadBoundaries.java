package dev.bulkhead.architecture;

import dev.bulkhead.BulkheadApplication;
import dev.bulkhead.platform.RegistrySchema;
import dev.bulkhead.platform.database.ProvisioningScript;
import dev.bulkhead.platform.modules.DeclaredModules;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import modulith.boundaries.BoundaryCheck;
import modulith.boundaries.BoundaryConfiguration;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Bulkhead's configuration of the boundary rules: the module → schema mapping is what each module declares on
 * its package ({@code @OwnsSchema}), read from Spring Modulith's model of the application's classes, never from a
 * copy.
 */
final class BulkheadBoundaries {

    static final Path BASELINE = Path.of("architecture-tests/baseline.txt");
    static final Path SARIF = Path.of("target/architecture/boundary-violations.sarif");

    private BulkheadBoundaries() {
    }

    /**
     * The package that provisions roles, schemas and grants, and runs each module's migrations as its
     * owner role: the only code that may switch roles and grant privileges (R9).
     */
    static final String PROVISIONING = ProvisioningScript.class.getPackageName();

    static BoundaryConfiguration configuration() {
        return BoundaryConfiguration.forApplication(DeclaredModules.applicationPackage(),
                DeclaredModules.of(ApplicationModules.of(BulkheadApplication.class)).schemaByModule(), Set.of(RegistrySchema.NAME))
                .withSourceRoots(Path.of("src/main/java"))
                .withMigrationRoot(Path.of("db"))
                .withIdentityStatementsAllowedIn(PROVISIONING);
    }

    static BoundaryCheck check() {
        return BoundaryCheck.of(configuration(), BASELINE, SARIF);
    }

    /**
     * Spring Modulith's model of the modules, built on a thread of its own: Spring Modulith imports
     * the classes itself, and started before the rule engine's import it runs alongside it. The
     * work is a method of this class, not of the test class whose static initializer starts it:
     * the new thread would wait for that initializer to finish before it could run.
     */
    static CompletableFuture<ApplicationModules> applicationModulesInBackground() {
        CompletableFuture<ApplicationModules> modules = new CompletableFuture<>();
        // a thread of its own inherits the test's context class loader, which the common pool's threads do not
        Thread thread = new Thread(() -> {
            try {
                modules.complete(ApplicationModules.of(BulkheadApplication.class));
            } catch (Throwable failure) {
                modules.completeExceptionally(failure);
            }
        }, "spring-modulith-import");
        thread.setDaemon(true);
        thread.start();
        return modules;
    }
}
