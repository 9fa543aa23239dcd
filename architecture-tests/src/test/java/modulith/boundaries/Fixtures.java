package modulith.boundaries;

import java.nio.file.Path;

/**
 * Where the fixture applications are. The library's tests run in architecture-tests/; reports name files relative to
 * the repository root above it, as they do for an application.
 */
final class Fixtures {

    static final Path REPOSITORY_ROOT = Path.of("..");
    static final Path SOURCES = Path.of("architecture-tests/fixtures/java");
    static final Path MIGRATIONS = Path.of("architecture-tests/fixtures/resources/fixture-migrations");
    /** The migrations as the tests' working directory (architecture-tests/) sees them. */
    static final Path MIGRATIONS_FOLDER = REPOSITORY_ROOT.resolve(MIGRATIONS);

    private Fixtures() {
    }
}
