package dev.bulkhead.architecture;

import dev.bulkhead.BulkheadApplication;
import dev.bulkhead.platform.OwnsSchema;
import dev.bulkhead.platform.RegistrySchema;
import dev.bulkhead.platform.database.ProvisioningScript;
import java.nio.file.Path;
import modulith.boundaries.BoundaryConfiguration;
import modulith.boundaries.MigrationLayout;
import modulith.boundaries.junit.ModuleBoundaryTests;

/**
 * Bulkhead's module boundaries, one rule per test (inherited from the boundary rules library, which Bulkhead uses as
 * any Spring Modulith project would). A failure prints one line per violation with the fix; knowingly accepted ones go
 * to src/test/resources/boundary-baseline.txt. Run alone with {@code ./mvnw -Parchitecture test}.
 *
 * <p>The modules, what they publish and whom they may use are Spring Modulith's model of the application; each
 * module's schema is what it declares on its package ({@code @OwnsSchema}), where the platform reads it too. What
 * differs from Spring Modulith's conventions is said here: one Flyway run per schema in {@code db/<owner>/}, each on
 * its own schema, the event registry's schema shared, and the one package that provisions roles and grants.
 */
class ModuleBoundariesTest extends ModuleBoundaryTests {

    @Override
    protected BoundaryConfiguration configuration() {
        return BoundaryConfiguration.of(BulkheadApplication.class)
                .withSchemaAnnotation(OwnsSchema.class.getName())
                .withSharedSchemas(RegistrySchema.NAME)
                .withMigrations(MigrationLayout.flywayPerSchema(Path.of("db")))
                .withIdentityStatementsAllowedIn(ProvisioningScript.class.getPackageName());
    }
}
