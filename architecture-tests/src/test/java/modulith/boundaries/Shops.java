package modulith.boundaries;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * The two fixture codebases: {@code fixture.shop} breaks every rule, {@code fixture.cleanshop}
 * keeps them all. They have their own module → schema mapping, given here as the configuration,
 * which also shows the rules are not tied to Bulkhead.
 */
final class Shops {

    static final Map<String, String> SCHEMAS = Map.of("user", "users", "billing", "billing", "order", "orders");
    static final Set<String> SHARED = Set.of("events");

    private Shops() {
    }

    /** The one package of the shop that may provision roles and grants (R9). */
    static final String PROVISIONING = "fixture.shop.platform.database";

    static BoundaryConfiguration violating() {
        return configuration("fixture.shop", "shop").withIdentityStatementsAllowedIn(PROVISIONING);
    }

    static BoundaryConfiguration clean() {
        return configuration("fixture.cleanshop", "cleanshop");
    }

    /**
     * The fixture as its own application (Spring Modulith reads its direct sub-packages as modules), compiled with the
     * tests; paths as seen from the repository root, where reports put them.
     */
    private static BoundaryConfiguration configuration(String basePackage, String migrations) {
        return BoundaryConfiguration.ofPackage(basePackage)
                .includingTestClasses()
                .withSchemas(SCHEMAS)
                .withSharedSchemas(SHARED.toArray(String[]::new))
                .withRepositoryRoot(Fixtures.REPOSITORY_ROOT)
                .withSourceRoots(Fixtures.SOURCES)
                .withMigrations(MigrationLayout.flywayPerSchema(Fixtures.MIGRATIONS.resolve(migrations)));
    }

    static RuleResult check(BoundaryConfiguration configuration, BoundaryRule rule) {
        return rule.check(Codebase.of(configuration));
    }
}
