package dev.bulkhead.architecture;

import dev.bulkhead.platform.RegistrySchema;
import dev.bulkhead.platform.database.ProvisioningScript;
import dev.bulkhead.platform.modules.DeclaredModules;
import java.util.Set;
import modulith.boundaries.runtime.SchemaBoundaryGuard;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Rules 8 and 9 for Bulkhead's integration tests: {@code @Import} this and every statement the
 * application sends is checked against its module's schema (each module's declared schema, from {@link DeclaredModules}).
 * A module's statement that names another module's schema fails with a
 * {@link modulith.boundaries.runtime.ForeignSchemaStatementException}; one that switches role or
 * search path or changes privileges with a {@link modulith.boundaries.runtime.IdentityStatementException},
 * unless it comes from the package that provisions roles and runs the migrations as their owners.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ModuleSqlGuardConfiguration {

    /** Static, so it post-processes the DataSource without forcing early creation of this configuration. */
    @Bean
    static SchemaBoundaryGuard moduleSqlGuard() {
        return new SchemaBoundaryGuard(DeclaredModules.applicationPackage(), DeclaredModules.application().schemaByModule(),
                Set.of(RegistrySchema.NAME),
                Set.of(ProvisioningScript.class.getPackageName()));
    }
}
