package modulith.boundaries;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import modulith.boundaries.report.SarifReport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SARIF log code hosts turn into annotations: rules with help, results with file and line. */
@Tag("architecture")
class SarifReportTest {

    @Test
    void each_violation_becomes_a_sarif_result_on_its_file_and_line(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("boundary-violations.sarif");
        BoundaryCheck check = new BoundaryCheck(Shops.violating(), Baseline.empty(), new SarifReport(file));
        try {
            check.assertHolds(RuleCatalog.OWN_SCHEMA_QUERIES);
        } catch (AssertionError expected) {
            // the fixture violates the rule; the report is written either way
        }

        JsonNode log = JsonMapper.builder().build().readTree(Files.readString(file));
        assertThat(log.path("version").asString()).isEqualTo("2.1.0");
        JsonNode run = log.path("runs").get(0);
        assertThat(run.path("tool").path("driver").path("rules").findValues("id").stream().map(JsonNode::asString).toList()).contains("R1.api", "R5.sql", "R7.event");
        JsonNode balances = null;
        for (JsonNode result : run.path("results")) {
            if (result.path("message").path("text").asString().contains("billing.accounts")) {
                balances = result;
            }
        }
        assertThat(balances).as("the result for the SQL constant in AccountBalances").isNotNull();
        assertThat(balances.path("ruleId").asString()).isEqualTo("R5.sql");
        JsonNode physical = balances.path("locations").get(0).path("physicalLocation");
        assertThat(physical.path("artifactLocation").path("uri").asString())
                .isEqualTo("architecture-tests/fixtures/java/fixture/shop/order/internal/AccountBalances.java");
        assertThat(physical.path("region").path("startLine").asInt()).isEqualTo(10);
    }

    @Test
    void the_migration_statement_counts_are_in_the_runs_properties(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("boundary-violations.sarif");
        BoundaryCheck check = new BoundaryCheck(Shops.clean(), Baseline.empty(), new SarifReport(file));
        check.assertHolds(RuleCatalog.OWN_SCHEMA_MIGRATIONS);

        JsonNode notes = JsonMapper.builder().build().readTree(Files.readString(file)).path("runs").get(0)
                .path("properties").path("notes").path("R6.migration");
        assertThat(notes.get(0).asString()).matches("\\d+ migration statements in \\d+ scripts: .*, 0 only scanned");
    }
}
