package dev.bulkhead.platform.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulkhead.BulkheadApplication;
import dev.bulkhead.platform.modules.DeclaredModules;
import dev.bulkhead.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Starting against a database that is not there gives one explanation, not a stack-trace wall. */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseStartupFailureTests {

    @Test
    void an_unreachable_database_is_reported_with_the_url_and_what_to_set(CapturedOutput output) {
        assertThatThrownBy(() -> start("--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/bulkhead"))
                .isInstanceOf(RuntimeException.class);

        assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START")
                .contains("Bulkhead could not use its PostgreSQL database at jdbc:postgresql://127.0.0.1:1/bulkhead")
                .contains("SPRING_DATASOURCE_URL")
                .doesNotContain("\tat org.springframework");
    }

    @Test
    void a_missing_database_url_is_reported_by_name(CapturedOutput output) {
        assertThatThrownBy(DatabaseStartupFailureTests::start).isInstanceOf(RuntimeException.class);

        assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START")
                .contains("'url' attribute is not specified")
                .doesNotContain("\tat org.springframework");
    }

    @Test
    void an_unprovisioned_database_says_how_to_provision_it(CapturedOutput output) {
        TestDatabase.Coordinates database = TestDatabase.newDatabase("unprovisioned");
        List<String> arguments = new ArrayList<>(List.of("--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.username(), "--spring.datasource.password=" + database.password(),
                "--bulkhead.database.provisioning=never", "--bulkhead.database.role-prefix=unprovisioned"));
        DeclaredModules.application().schemaByOwner().keySet()
                .forEach(owner -> arguments.add("--bulkhead.database.logins." + owner + ".password=x"));
        assertThatThrownBy(() -> start(arguments.toArray(String[]::new)))
                .isInstanceOf(RuntimeException.class);

        assertThat(output.getOut() + output.getErr()).contains("The database is not provisioned for Bulkhead")
                .contains("--print-provisioning-sql")
                .doesNotContain("\tat org.springframework");
    }

    private static void start(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--server.port=0";
        all[1] = "--spring.main.banner-mode=off";
        System.arraycopy(args, 0, all, 2, args.length);
        new SpringApplication(BulkheadApplication.class).run(all);
    }
}
