package modulith.boundaries.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import modulith.boundaries.Codebase;
import modulith.boundaries.ModuleMap;

/**
 * One SQL script under the migration root: its folder names the owner (a module, or a shared owner such as the
 * event registry), whose schema the script may write. Folders of no known owner are not migrations of this
 * application and are left out. The rules that read migrations walk them through this, in file order.
 */
record MigrationScript(String owner, String schema, Path path) {

    static List<MigrationScript> in(Codebase codebase) {
        Path root = codebase.configuration().repositoryRoot().resolve(codebase.configuration().migrationRoot());
        List<MigrationScript> scripts = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return scripts;
        }
        ModuleMap modules = codebase.modules();
        for (Path folder : list(root)) {
            String owner = folder.getFileName().toString();
            Optional<String> schema = modules.schemaOf(owner).or(() -> modules.isShared(owner) ? Optional.of(owner) : Optional.empty());
            if (!Files.isDirectory(folder) || schema.isEmpty()) {
                continue;
            }
            for (Path script : list(folder)) {
                if (script.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql")) {
                    scripts.add(new MigrationScript(owner, schema.get(), script));
                }
            }
        }
        return scripts;
    }

    String sql() {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
