package dev.bulkhead.platform.modules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.BulkheadApplication;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

    @Test
    void the_packaged_module_model_is_the_one_computed_from_the_classes() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        JsonNode packaged;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(LOCATION)) {
            assertThat(in).as("%s on the classpath (written by the build's process-classes phase)", LOCATION).isNotNull();
            packaged = json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        JsonNode computed = json.readTree(new ApplicationModulesExporter(ApplicationModules.of(BulkheadApplication.class)).toJson());

        // Modulith lists dependencies and their types in no fixed order
        assertThat(canonical(packaged)).isEqualTo(canonical(computed));
        assertThat(packaged.propertyNames()).contains("user", "billing", "order", "history", "dashboard");
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
