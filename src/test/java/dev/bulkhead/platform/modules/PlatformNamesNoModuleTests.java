package dev.bulkhead.platform.modules;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ImportOption;
import dev.bulkhead.BulkheadApplication;
import dev.bulkhead.platform.modules.DeclaredModules.DeclaredModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The platform names no business module (ADR 0026): no platform source file spells a module's package, its name as
 * a string, or a type of its API package, in code or in comments. What the platform needs to know of a module it
 * reads from the module model. The modules checked are those of the test application's model, so the module
 * that lives in the test sources is checked too.
 */
@Tag("architecture")
class PlatformNamesNoModuleTests {

    private static final Path PLATFORM_SOURCES = Path.of("src/main/java/dev/bulkhead/platform");

    /** Words that are a module's name by coincidence: file → the exact text, with the reason in the file. */
    private static final Map<String, String> COINCIDENCES = Map.of(
            "JdbcUrlCredentials.java", "\"user\""); // PostgreSQL's JDBC URL parameter

    /**
     * The test application's modules: read from the model the test build writes, or, when that was skipped
     * ({@code -Parchitecture}), computed from the main and test classes here, so the test module counts either way.
     */
    private static final DeclaredModules TEST_APPLICATION = testApplication();

    private static DeclaredModules testApplication() {
        try {
            boolean written = Collections.list(PlatformNamesNoModuleTests.class.getClassLoader().getResources(DeclaredModules.MODEL_FILE))
                    .stream().anyMatch(url -> url.toString().contains("test-classes"));
            return written ? DeclaredModules.application()
                    : DeclaredModules.of(ApplicationModules.of(BulkheadApplication.class, new ImportOption.DoNotIncludeJars()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void no_platform_source_file_names_a_business_module() {
        List<String> mentions = new ArrayList<>();
        for (Path file : javaFiles(PLATFORM_SOURCES)) {
            mentions.addAll(mentionsIn(file.getFileName().toString(), read(file)));
        }
        assertThat(mentions).as("business modules named in the platform's sources; read them from DeclaredModules").isEmpty();
    }

    @Test
    void the_check_finds_a_module_named_by_package_by_string_or_by_api_type() {
        assertThat(mentionsIn("Fixture.java", "String apiPackage = \"dev.bulkhead.billing\";")).hasSize(1);
        assertThat(mentionsIn("Fixture.java", "if (module.equals(\"order\")) {")).hasSize(1);
        assertThat(mentionsIn("Fixture.java", "/** Like {@code UserApi}. */")).hasSize(1);
        assertThat(mentionsIn("Fixture.java", "int points = new dev.bulkhead.loyalty.LoyaltyApi() {}.hashCode();")).hasSize(2);
        assertThat(mentionsIn("Fixture.java", "the user's order, billed")).as("ordinary words").isEmpty();
        assertThat(mentionsIn("JdbcUrlCredentials.java", "name.equals(\"user\")")).as("a listed coincidence").isEmpty();
    }

    private static List<String> mentionsIn(String fileName, String source) {
        List<String> mentions = new ArrayList<>();
        for (DeclaredModule module : TEST_APPLICATION.business()) {
            List<String> patterns = new ArrayList<>(List.of(Pattern.quote(module.basePackage()) + "\\b",
                    Pattern.quote("\"" + module.name() + "\"")));
            apiTypesOf(module).forEach(type -> patterns.add("\\b" + Pattern.quote(type) + "\\b"));
            Matcher matcher = Pattern.compile(String.join("|", patterns)).matcher(source);
            while (matcher.find()) {
                if (!matcher.group().equals(COINCIDENCES.get(fileName))) {
                    mentions.add(fileName + ": " + matcher.group() + " (module " + module.name() + ")");
                }
            }
        }
        return mentions;
    }

    /** The simple names of the types in the module's API package, from its sources (main or test). */
    private static List<String> apiTypesOf(DeclaredModule module) {
        String folder = module.basePackage().replace('.', '/');
        List<String> types = new ArrayList<>();
        for (Path root : List.of(Path.of("src/main/java"), Path.of("src/test/java"))) {
            Path api = root.resolve(folder);
            if (Files.isDirectory(api)) {
                try (Stream<Path> files = Files.list(api)) {
                    files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".java"))
                            .filter(name -> !name.equals("package-info.java") && !name.endsWith("Tests.java"))
                            .map(name -> name.substring(0, name.length() - ".java".length())).forEach(types::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return types;
    }

    private static List<Path> javaFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
