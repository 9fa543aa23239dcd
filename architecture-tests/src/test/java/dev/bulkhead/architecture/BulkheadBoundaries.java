package dev.bulkhead.architecture;

import dev.bulkhead.platform.ModuleSchemas;
import java.nio.file.Path;
import java.util.Set;
import modulith.boundaries.BoundaryCheck;
import modulith.boundaries.BoundaryConfiguration;

/**
 * Bulkhead's configuration of the boundary rules: the module → schema mapping comes from the
 * project's single declaration, {@link ModuleSchemas}, never from a copy.
 */
final class BulkheadBoundaries {

    static final Path BASELINE = Path.of("architecture-tests/baseline.txt");
    static final Path SARIF = Path.of("target/architecture/boundary-violations.sarif");

    private BulkheadBoundaries() {
    }

    static BoundaryConfiguration configuration() {
        return BoundaryConfiguration.forApplication("dev.bulkhead", ModuleSchemas.byModule(), Set.of(ModuleSchemas.EVENT_REGISTRY))
                .withSourceRoots(Path.of("src/main/java"))
                .withMigrationRoot(Path.of("db"));
    }

    static BoundaryCheck check() {
        return BoundaryCheck.of(configuration(), BASELINE, SARIF);
    }
}
