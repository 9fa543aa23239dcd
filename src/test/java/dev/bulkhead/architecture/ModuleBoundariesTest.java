package dev.bulkhead.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.BulkheadApplication;
import dev.bulkhead.platform.OwnsSchema;
import dev.bulkhead.platform.RegistrySchema;
import dev.bulkhead.platform.database.ProvisioningScript;
import dev.bulkhead.platform.modules.DeclaredModules;
import java.nio.file.Path;
import java.util.Map;
import modulith.boundaries.BoundaryConfiguration;
import modulith.boundaries.MigrationLayout;
import modulith.boundaries.junit.ModuleBoundaryTests;
import org.junit.jupiter.api.Test;

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

    @Test
    void the_rules_read_each_modules_schema_where_the_platform_reads_it() {
        Map<String, String> platform = DeclaredModules.of(check().codebase().model().applicationModules()).schemaByModule();

        assertThat(check().codebase().schemas().schemaByModule()).isEqualTo(platform).containsEntry("order", "orders");
        assertThat(check().codebase().schemas().describe()).contains("order → orders (@OwnsSchema on dev.bulkhead.order)");
    }
}
