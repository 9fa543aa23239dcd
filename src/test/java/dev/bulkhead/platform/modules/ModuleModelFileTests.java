package dev.bulkhead.platform.modules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.BulkheadApplication;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.util.ApplicationModulesExporter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The module model the build writes into the jar (ADR 0020) is the one Spring Modulith computes from the classes
 * now: {@code /actuator/modulith} serves that file and Modulith's runtime takes the module names from it, so a stale
 * or missing file would describe another application.
 */
class ModuleModelFileTests {

    private static final String LOCATION = "META-INF/spring-modulith/application-modules.json";

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void the_packaged_module_model_is_the_one_computed_from_the_classes() throws IOException {
        JsonNode packaged = modelFile(false);
        JsonNode computed = json.readTree(new ApplicationModulesExporter(ApplicationModules.of(BulkheadApplication.class)).toJson());

        // Modulith lists dependencies and their types in no fixed order
        assertThat(canonical(packaged)).isEqualTo(canonical(computed));
        assertThat(packaged.propertyNames()).contains("user", "billing", "order", "history", "dashboard")
                .doesNotContain("loyalty");
    }

    @Test
    void the_test_applications_model_adds_the_modules_of_the_test_sources_and_is_the_one_the_tests_read() throws IOException {
        JsonNode tests = modelFile(true);
        JsonNode computed = json.readTree(new ApplicationModulesExporter(
                ApplicationModules.of(BulkheadApplication.class, ImportOption.Predefined.DO_NOT_INCLUDE_JARS)).toJson());

        assertThat(canonical(tests)).isEqualTo(canonical(computed));
        assertThat(tests.propertyNames()).contains("user", "billing", "order", "history", "dashboard", "loyalty");
        // only packages declaring @ApplicationModule are modules: test helper packages are not
        assertThat(tests.propertyNames()).doesNotContain("testing", "docs", "crash", "architecture");
        assertThat(DeclaredModules.application().named("loyalty")).isPresent();
    }

    /** The model file in the main output (the jar's) or in the test output, which comes first on the class path. */
    private JsonNode modelFile(boolean tests) throws IOException {
        List<URL> files = Collections.list(getClass().getClassLoader().getResources(LOCATION));
        URL file = files.stream().filter(url -> url.toString().contains("/test-classes/") == tests).findFirst()
                .orElseThrow(() -> new AssertionError(LOCATION + " in " + (tests ? "test-classes" : "classes")
                        + " (written by the build's process-classes and process-test-classes phases); found " + files));
        try (InputStream in = file.openStream()) {
            return json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Objects as sorted maps, arrays as sorted lists, scalars as text: equal for the same model in any order. */
    private static Object canonical(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> fields = new TreeMap<>();
            node.properties().forEach(field -> fields.put(field.getKey(), canonical(field.getValue())));
            return fields;
        }
        if (node.isArray()) {
            List<Object> elements = new ArrayList<>();
            node.forEach(element -> elements.add(canonical(element)));
            elements.sort(Comparator.comparing(Object::toString));
            return elements;
        }
        return node.asString();
    }
}
