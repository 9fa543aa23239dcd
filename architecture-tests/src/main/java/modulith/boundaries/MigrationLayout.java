package modulith.boundaries;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a codebase keeps its migrations and how they run: one folder per module under {@code root}, named after the
 * module ({@code <root>/<module>/V1__….sql}); a folder named after a shared schema for that schema's migrations; and
 * a folder for the migrations that belong to no module ({@code __root} in Spring Modulith's layout).
 *
 * <p>The search path a script starts with decides where its unqualified names go: with Spring Modulith's per-module
 * Flyway every module's migrations run on the same Flyway configuration, so on its default schema ({@code public}
 * unless {@code spring.flyway.default-schema} says otherwise) until the script sets its own; with one Flyway instance
 * per schema (each with that schema as its default, Bulkhead's way) every script starts in its owner's schema.
 *
 * @param root              the folder holding the per-module folders, relative to the repository root
 * @param defaultSearchPath the schema every script starts in; empty when each starts in its owner's own schema
 * @param rootFolder        the folder of migrations that belong to no module
 */
public record MigrationLayout(Path root, Optional<String> defaultSearchPath, String rootFolder) {

    public static final String MODULITH_ROOT_FOLDER = "__root";

    public MigrationLayout {
        Objects.requireNonNull(root);
        Objects.requireNonNull(defaultSearchPath);
        Objects.requireNonNull(rootFolder);
    }

    /**
     * Spring Modulith's per-module Flyway ({@code spring.modulith.runtime.flyway-enabled}):
     * {@code src/main/resources/db/migration/<module>/}, {@code __root/} for the rest, every script starting on
     * Flyway's default schema {@code public}.
     */
    public static MigrationLayout springModulith() {
        return new MigrationLayout(Path.of("src/main/resources/db/migration"), Optional.of("public"), MODULITH_ROOT_FOLDER);
    }

    /** One Flyway instance per schema owner, each with its own schema as the default schema: scripts start there. */
    public static MigrationLayout flywayPerSchema(Path root) {
        return new MigrationLayout(root, Optional.empty(), MODULITH_ROOT_FOLDER);
    }

    public MigrationLayout withRoot(Path folder) {
        return new MigrationLayout(folder, defaultSearchPath, rootFolder);
    }

    /** The schema scripts start in, as {@code spring.flyway.default-schema} sets it. */
    public MigrationLayout withDefaultSchema(String schema) {
        return new MigrationLayout(root, Optional.of(schema), rootFolder);
    }
}
