package modulith.boundaries.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import modulith.boundaries.Codebase;
import modulith.boundaries.MigrationLayout;
import modulith.boundaries.ModuleMap;

/**
 * One SQL script under the migration root. Its folder names the owner: a module (whose schema the script may write),
 * a shared schema (its folder is named after it), or the migrations of no module ({@code __root}), which may use any
 * schema but a module's. Folders of no known owner are not migrations of this application and are left out. The
 * rules that read migrations walk them through this, in the order Flyway runs them.
 *
 * @param owner             the module, the shared schema, or the root folder's name
 * @param ownSchemas        the schemas the script may create in and name: the module's, the shared schema, or every
 *                          shared schema for the root folder
 * @param moduleOwned       whether the owner is a module
 * @param initialSearchPath the schema unqualified names resolve to until the script sets its own search path
 */
record MigrationScript(String owner, Set<String> ownSchemas, boolean moduleOwned, boolean rootFolder, String initialSearchPath,
        Path path) {

    private static final Pattern VERSION = Pattern.compile("^[VvRrUu]([0-9][0-9._]*)__");

    static List<MigrationScript> in(Codebase codebase) {
        MigrationLayout layout = codebase.configuration().migrations();
        Path root = codebase.configuration().repositoryRoot().resolve(layout.root());
        List<MigrationScript> scripts = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return scripts;
        }
        ModuleMap modules = codebase.modules();
        for (Path folder : list(root)) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            String name = folder.getFileName().toString();
            Optional<String> moduleSchema = modules.schemaOf(name);
            boolean shared = moduleSchema.isEmpty() && modules.isShared(name);
            boolean rootFolder = name.equals(layout.rootFolder());
            if (moduleSchema.isEmpty() && !shared && !rootFolder) {
                continue;
            }
            Set<String> own = moduleSchema.map(Set::of).orElse(shared ? Set.of(name) : modules.sharedSchemas());
            String initial = layout.defaultSearchPath().orElse(moduleSchema.orElse(shared ? name : "public"));
            for (Path script : list(folder)) {
                if (script.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql")) {
                    scripts.add(new MigrationScript(name, own, moduleSchema.isPresent(), rootFolder, initial, script));
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

    /** The owner's schema for messages: the module's, or the shared ones. */
    String ownSchemaText() {
        return String.join(", ", ownSchemas.stream().sorted().toList());
    }

    /** The scripts of a folder as Flyway orders them: by version (V2 before V10), then by name. */
    private static List<Path> list(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.sorted(Comparator.comparing(MigrationScript::version, MigrationScript::compareVersions)
                    .thenComparing(path -> path.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<BigInteger> version(Path script) {
        Matcher matcher = VERSION.matcher(script.getFileName().toString());
        List<BigInteger> parts = new ArrayList<>();
        if (matcher.find()) {
            for (String part : matcher.group(1).split("[._]")) {
                if (!part.isEmpty()) {
                    parts.add(new BigInteger(part));
                }
            }
        }
        return parts;
    }

    private static int compareVersions(List<BigInteger> left, List<BigInteger> right) {
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            BigInteger a = i < left.size() ? left.get(i) : BigInteger.ZERO;
            BigInteger b = i < right.size() ? right.get(i) : BigInteger.ZERO;
            int compared = a.compareTo(b);
            if (compared != 0) {
                return compared;
            }
        }
        return 0;
    }
}
