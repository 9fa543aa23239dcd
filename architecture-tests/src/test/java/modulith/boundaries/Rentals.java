package modulith.boundaries;

import fixture.rental.RentalApplication;
import fixture.rentalbroken.RentalBrokenApplication;
import java.nio.file.Path;

/**
 * The bike rental fixtures, configured as their own team would: the application class, where the sources and the
 * migrations are, and nothing else. Modules, what they publish and whom they may use come from Spring Modulith's
 * model; each module's schema from its Flyway folder ({@code CREATE SCHEMA}); the shared schemas from {@code __root}.
 * The team holds no read-only-API policy ({@link #clean()} switches it off); the broken copy keeps every policy on.
 */
final class Rentals {

    private Rentals() {
    }

    static BoundaryConfiguration clean() {
        return configuration(BoundaryConfiguration.of(RentalApplication.class), "rental").withRuleSwitchedOff(Policies.READ_ONLY_API);
    }

    /** The clean application with Bulkhead's policies, all on. */
    static BoundaryConfiguration cleanWithEveryPolicy() {
        return configuration(BoundaryConfiguration.of(RentalApplication.class), "rental");
    }

    static BoundaryConfiguration broken() {
        return configuration(BoundaryConfiguration.of(RentalBrokenApplication.class), "rentalbroken");
    }

    private static BoundaryConfiguration configuration(BoundaryConfiguration application, String migrations) {
        return application
                .includingTestClasses()
                .withRepositoryRoot(Fixtures.REPOSITORY_ROOT)
                .withSourceRoots(Fixtures.SOURCES)
                .withMigrations(MigrationLayout.springModulith().withRoot(Fixtures.MIGRATIONS.resolve(migrations).resolve("db/migration")))
                .withBaseline(Path.of("architecture-tests/fixtures/" + migrations + "-baseline.txt"))
                .withSarif(Path.of("target/boundary-rules/" + migrations + ".sarif"));
    }

    static RuleResult check(BoundaryConfiguration configuration, BoundaryRule rule) {
        return rule.check(Codebase.of(configuration));
    }
}
