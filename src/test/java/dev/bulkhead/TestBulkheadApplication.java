package dev.bulkhead;

import dev.bulkhead.testing.TestDatabaseConfiguration;
import org.springframework.boot.SpringApplication;

/**
 * Runs Bulkhead against a real PostgreSQL without installing one: {@code ./mvnw spring-boot:test-run}.
 * Uses {@code SPRING_DATASOURCE_URL} when set, else Testcontainers, else an embedded PostgreSQL
 * whose data is gone when the application stops.
 */
public class TestBulkheadApplication {

    public static void main(String[] args) {
        SpringApplication.from(BulkheadApplication::main).with(TestDatabaseConfiguration.class).run(args);
    }
}
