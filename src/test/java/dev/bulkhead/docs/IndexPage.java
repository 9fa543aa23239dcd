package dev.bulkhead.docs;

import java.util.List;

/** The entry page: the component diagram, the event flow, and one line per module linking to the rest. */
final class IndexPage {

    private IndexPage() {
    }

    static String render(DocumentationModel model) {
        Html html = Html.page("Bulkhead architecture");
        html.paragraph("One deployable holding " + model.modules().size() + " modules. Each business module owns a "
                + "private PostgreSQL schema and its own roles; modules read each other only through published APIs "
                + "and change each other's state only through events.");
        html.element("h2", "Modules");
        html.open("table").open("tr");
        List.of("module", "schema", "owns", "publishes", "listens to", "extraction").forEach(h -> html.open("th").text(h).close("th"));
        html.close("tr");
        for (DocumentedModule module : model.modules()) {
            html.open("tr").open("td").link(module.page(), module.displayName() + " (" + module.name() + ")").close("td");
            html.open("td").text(module.schema().orElse("—")).close("td");
            html.open("td").text(module.description()).close("td");
            html.open("td").text(String.join(", ", model.events().events().stream()
                    .filter(event -> event.module().equals(module.name())).map(EventGraph.Event::simpleName).toList())).close("td");
            html.open("td").text(String.join(", ", model.events().listeners().stream()
                    .filter(listener -> listener.module().equals(module.name()))
                    .flatMap(listener -> listener.receives().stream()).map(DocumentationModel::simpleName).distinct().sorted()
                    .toList())).close("td");
            html.open("td").text(model.readinessOf(module.name()).map(ExtractionReadiness::verdict)
                    .orElse("shared code: travels with each extracted module as a library")).close("td");
            html.close("tr");
        }
        html.close("table");
        html.element("h2", "Components");
        html.paragraph("Spring Modulith's view of the modules and their dependencies (Documenter, rendered in-process).");
        html.image("diagrams/components.svg", "Component diagram of all modules");
        html.element("h2", "Events between modules");
        html.image("diagrams/event-flow.svg", "Events flowing from publishing to listening modules");
        html.element("h2", "More");
        html.open("ul");
        html.open("li").link("events.html", "Event catalog").text(": every event, its publisher, fields, listeners and saga").close("li");
        html.open("li").link("schemas.html", "Schemas and roles").text(": tables, columns and privileges in the migrated database").close("li");
        html.open("li").link("extraction.html", "Extraction readiness").text(": what crosses each boundary and what would have to change").close("li");
        html.open("li").link("rules.html", "Boundary rules").text(": the rules the build enforces and the accepted violations").close("li");
        for (DocumentedModule module : model.modules()) {
            if (!model.endpointsOf(module.name()).isEmpty()) {
                html.open("li").link("openapi/" + module.name() + ".json", "OpenAPI of " + module.name()).close("li");
            }
        }
        html.open("li").text("Spring Modulith canvases (AsciiDoc): ");
        model.modules().forEach(module -> html.link("modulith/module-" + module.name() + ".adoc", module.name()).text(" "));
        html.close("li");
        html.open("li").text("PlantUML sources: ").link("diagrams/components.puml", "components.puml").text(" ")
                .link("diagrams/event-flow.puml", "event-flow.puml").close("li");
        html.close("ul");
        return html.end();
    }
}
