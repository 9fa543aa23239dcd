package dev.bulkhead;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * One deployable holding the user, billing and order modules. Each module owns a private
 * Postgres schema (see {@link ModuleSchemas}); modules read each other only through published
 * APIs and change each other's state only through events.
 */
@SpringBootApplication
@Modulithic(systemName = "Bulkhead", sharedModules = { "kernel", "platform" })
@EnableAsync
public class BulkheadApplication {

    public static void main(String[] args) {
        SpringApplication.run(BulkheadApplication.class, args);
    }
}
