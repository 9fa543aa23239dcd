package dev.bulkhead.architecture;

import dev.bulkhead.platform.ModuleSchemas;
import dev.bulkhead.platform.database.ProvisioningScript;
import java.util.Set;
import modulith.boundaries.runtime.SchemaBoundaryGuard;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Rules 8 and 9 for Bulkhead's integration tests: {@code @Import} this and every statement the
 * application sends is checked against its module's schema (mapping from {@link ModuleSchemas}).
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
        return new SchemaBoundaryGuard("dev.bulkhead", ModuleSchemas.byModule(), Set.of(ModuleSchemas.EVENT_REGISTRY),
                Set.of(ProvisioningScript.class.getPackageName()));
    }
}
