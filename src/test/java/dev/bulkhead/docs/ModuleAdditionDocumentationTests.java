package dev.bulkhead.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.platform.database.ProvisioningScript;
import dev.bulkhead.testing.DatabaseInspector;
import dev.bulkhead.testing.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The documentation side of adding a module (ModuleAdditionTests has the runtime side): generated for the test
 * application, which has the {@code loyalty} module of the test sources, the docs list that module, its schema with
 * its table and roles, and its published API, with no change to the generator. The committed docs, generated from
 * the application alone, do not (ArchitectureDocumentationTests compares them).
 */
@IntegrationTest
class ModuleAdditionDocumentationTests {

    @Autowired
    DatabaseInspector database;

    @Autowired
    ProvisioningScript roles;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    @Test
    void the_generated_documentation_lists_a_module_added_in_the_test_sources() throws IOException {
        Path folder = Path.of("target/module-addition-docs");
        new ArchitectureDocs(Codebase.ofTestApplication(), database, roles, mvc, handlers)
                .generate(folder, Path.of("target/module-addition-documenter"), ArchitectureDocumentationTests.COMMITTED);

        String index = Files.readString(folder.resolve("index.html"));
        String schemas = Files.readString(folder.resolve("schemas.html"));
        String module = Files.readString(folder.resolve("module-loyalty.html"));
        assertThat(index).contains("module-loyalty.html", "Loyalty");
        assertThat(schemas).contains("id=\"loyalty\"", "balances", "bulkhead_loyalty_app", "bulkhead_loyalty_login");
        assertThat(module).contains("loyalty", "LoyaltyApi");
        assertThat(folder.resolve("diagrams/module-loyalty.svg")).exists();

        String extraction = Files.readString(folder.resolve("extraction.html"));
        String loyaltySection = extraction.substring(extraction.indexOf("<h2>loyalty</h2>"));
        loyaltySection = loyaltySection.substring(0, loyaltySection.indexOf("<h2>", 4) < 0 ? loyaltySection.length() : loyaltySection.indexOf("<h2>", 4));
        assertThat(between(loyaltySection, "Ready: works across processes already", "Blockers"))
                .contains("LoyaltyApi.pointsOf(UUID)", "/internal/published-queries/LoyaltyApi/pointsOf").doesNotContain("award");
        assertThat(between(loyaltySection, "Blockers", "What the move itself changes"))
                .contains("Loyalty.award(UUID, long)", "no published query").doesNotContain("pointsOf");

        String committedIndex = Files.readString(ArchitectureDocumentationTests.COMMITTED.resolve("index.html"));
        assertThat(committedIndex).doesNotContain("loyalty");
    }

    private static String between(String text, String from, String to) {
        int start = text.indexOf(from);
        assertThat(start).as("%s in the page", from).isNotNegative();
        int end = text.indexOf(to, start + from.length());
        return text.substring(start, end < 0 ? text.length() : end);
    }
}
