package dev.bulkhead.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.platform.modules.DeclaredModules;
import dev.bulkhead.platform.database.ProvisioningScript;
import dev.bulkhead.testing.DatabaseInspector;
import dev.bulkhead.testing.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.w3c.dom.Document;

/**
 * Generates the architecture documentation on every build (in the shared integration-test
 * context, so no extra application starts) and holds the committed copy in docs/generated to it.
 * With {@code -Pdocs} ({@code -Dbulkhead.docs.write=true}) it writes docs/generated instead.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchitectureDocumentationTests {

    static final Path COMMITTED = Path.of("docs/generated");
    static final Path FRESH = Path.of("target/generated-docs");
    static final Path HAND_WRITTEN_INDEX = Path.of("docs/index.html");

    @Autowired
    DatabaseInspector database;

    @Autowired
    ProvisioningScript roles;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    DocumentationModel model;
    Path generated;

    @BeforeAll
    void generate() {
        generated = Boolean.getBoolean("bulkhead.docs.write") ? COMMITTED : FRESH;
        model = new ArchitectureDocs(database, roles, mvc, handlers).generate(generated, Path.of("target/modulith-documenter"), COMMITTED);
    }

    @Test
    void the_committed_documentation_is_what_the_code_generates_now() {
        assertThat(GeneratedFolderComparison.differences(COMMITTED, generated))
                .as("docs/generated is out of date with the code. Run ./mvnw -Pdocs verify and commit docs/generated")
                .isEmpty();
    }

    @Test
    void every_page_and_diagram_is_well_formed_xml() throws Exception {
        List<Path> documents = new ArrayList<>(List.of(HAND_WRITTEN_INDEX));
        GeneratedFolderComparison.files(generated).stream().filter(file -> file.endsWith(".html") || file.endsWith(".svg"))
                .forEach(file -> documents.add(generated.resolve(file)));

        assertThat(documents).as("pages and diagrams").hasSizeGreaterThan(10);
        for (Path document : documents) {
            assertThat(parse(document).getDocumentElement().getLocalName()).as("root of %s", document).isIn("html", "svg");
        }
    }

    @Test
    void every_svg_diagram_is_shown_on_a_page_and_every_link_leads_to_a_file() throws IOException {
        for (String page : GeneratedFolderComparison.files(generated).stream().filter(file -> file.endsWith(".html")).toList()) {
            String html = Files.readString(generated.resolve(page));
            for (String target : links(html)) {
                assertThat(generated.resolve(target)).as("%s links to %s", page, target).exists();
            }
        }
        assertThat(Files.readString(generated.resolve("index.html"))).contains("<img src=\"diagrams/components.svg\"");
        assertThat(Files.readString(HAND_WRITTEN_INDEX)).contains("href=\"generated/index.html\"");
    }

    @Test
    void the_documentation_names_every_module_schema_and_event() throws IOException {
        ApplicationModules modules = ApplicationModules.of(dev.bulkhead.BulkheadApplication.class);
        String index = Files.readString(generated.resolve("index.html"));
        String events = Files.readString(generated.resolve("events.html"));
        String schemas = Files.readString(generated.resolve("schemas.html"));
        String components = Files.readString(generated.resolve("diagrams/components.svg"));

        for (ApplicationModule module : modules) {
            assertThat(index).contains(module.getIdentifier().toString());
            for (String word : module.getDisplayName().split(" ")) {
                assertThat(components).as("the component diagram's text (PlantUML draws each word apart)").contains(">" + word + "<");
            }
            assertThat(generated.resolve("module-" + module.getIdentifier() + ".html")).exists();
            assertThat(generated.resolve("diagrams/module-" + module.getIdentifier() + ".svg")).exists();
            for (var event : module.getPublishedEvents()) {
                assertThat(events).contains(event.getType().getName());
                assertThat(index).contains(event.getType().getSimpleName());
            }
        }
        DeclaredModules declared = DeclaredModules.of(modules);
        for (String schema : declared.schemaByOwner().values()) {
            assertThat(index + schemas).contains(schema);
            assertThat(schemas).contains("id=\"" + schema + "\"");
        }
        declared.schemaByModule().keySet().forEach(module ->
                assertThat(generated.resolve("openapi/" + module + ".json")).exists());
    }

    @Test
    void the_order_payment_saga_is_derived_from_who_publishes_and_who_listens() {
        EventGraph.Saga saga = model.events().sagas().stream()
                .filter(candidate -> candidate.trigger().equals("dev.bulkhead.order.OrderPlaced")).findFirst().orElseThrow();

        assertThat(saga.events()).contains("dev.bulkhead.order.OrderPlaced", "dev.bulkhead.billing.PaymentCompleted",
                "dev.bulkhead.billing.PaymentFailed");
        assertThat(saga.modules()).containsSubsequence("order", "billing");
        assertThat(saga.hops()).contains("OrderPlaced: order → billing", "PaymentCompleted: billing → order",
                "PaymentFailed: billing → order");
        assertThat(model.events().listenersOf("dev.bulkhead.order.OrderPlaced"))
                .as("billing hears OrderPlaced through its own ChargeRequest")
                .anySatisfy(listener -> assertThat(listener.parameterType()).isEqualTo("dev.bulkhead.billing.ChargeRequest"));
        assertThat(model.events().sagasOf("dev.bulkhead.user.UserRegistered")).as("nothing is published in reaction").isEmpty();
    }

    @Test
    void extraction_readiness_sees_the_synchronous_call_from_order_into_user_and_no_shared_tables() {
        ExtractionReadiness user = model.readinessOf("user").orElseThrow();

        assertThat(user.incomingCalls()).anySatisfy(call -> {
            assertThat(call.callerModule()).isEqualTo("order");
            assertThat(call.callee()).startsWith("UserApi.");
        });
        // every call into user is a published query, which the platform serves over HTTP: ready, no blocker
        assertThat(user.incomingCalls()).allSatisfy(call -> assertThat(call.publishedQuery()).isTrue());
        assertThat(user.ready()).anySatisfy(item -> assertThat(item).contains("/internal/published-queries/UserApi/findById"));
        assertThat(user.blockers()).isEmpty();
        // the shared platform and kernel travel with a module: no call into them is a remote call
        assertThat(model.readiness().values()).allSatisfy(readiness -> assertThat(readiness.outgoingCalls())
                .noneSatisfy(call -> assertThat(call.calleeModule()).isIn("platform", "kernel")));
        assertThat(model.readinessOf("order").orElseThrow().incomingCalls()).isNotEmpty().allSatisfy(call -> {
            assertThat(call.callerModule()).isIn("dashboard", "history");
            assertThat(call.callee()).startsWith("OrderApi.");
        });
        assertThat(model.crossings()).isEmpty();
        assertThat(model.readiness().values()).allSatisfy(readiness -> assertThat(readiness.foreignSchemaAccess()).isEmpty());
    }

    private static List<String> links(String html) {
        List<String> targets = new ArrayList<>();
        var matcher = java.util.regex.Pattern.compile("(?:href|src)=\"([^\"#]+)").matcher(html);
        while (matcher.find()) {
            targets.add(matcher.group(1));
        }
        return targets;
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(file.toFile());
    }
}
