package dev.bulkhead.docs;

import java.util.List;

/**
 * One module's canvas: what it owns, its published API, its events both ways, its schema, its HTTP
 * endpoints and how ready it is to leave. The Spring Modulith canvas of the same module is linked.
 */
final class ModulePage {

    private ModulePage() {
    }

    static String render(DocumentedModule module, DocumentationModel model) {
        Html html = Html.page(module.displayName() + " module");
        html.paragraph(module.description().isEmpty() ? "(no package-info description)" : module.description());
        html.table(List.of("base package", "schema", "Spring Modulith canvas"), List.of(List.of(module.basePackage(),
                module.schema().orElse("none: shared code"), "modulith/module-" + module.name() + ".adoc")));
        html.image("diagrams/module-" + module.name() + ".svg", "Dependencies of the " + module.name() + " module");

        html.element("h2", "Published API");
        html.list(module.publishedTypes());

        html.element("h2", "Events published");
        html.table(List.of("event", "published by", "listeners"), model.events().events().stream()
                .filter(event -> event.module().equals(module.name()))
                .map(event -> List.of(event.type(), String.join("; ", event.publishedBy()),
                        String.join("; ", model.events().listenersOf(event.type()).stream()
                                .map(listener -> listener.module() + ": " + listener.method()).toList())))
                .toList());

        html.element("h2", "Events listened to");
        html.table(List.of("listener", "declared parameter", "receives", "publishes in reaction"), model.events().listeners()
                .stream().filter(listener -> listener.module().equals(module.name()))
                .map(listener -> List.of(listener.method(), listener.parameterType(),
                        String.join(", ", listener.receives()), String.join(", ", listener.publishes())))
                .toList());

        module.schema().ifPresent(schema -> {
            html.element("h2", "Schema " + schema);
            html.table(List.of("table", "columns"), model.tablesBySchema().getOrDefault(schema, List.of()).stream()
                    .map(table -> List.of(table.name(), table.isMigrationHistory() ? "(Flyway migration history)"
                            : String.join(", ", table.columns().stream().map(SchemaCatalog.Column::name).toList())))
                    .toList());
            html.open("p").text("Columns, constraints and role privileges: ").link("schemas.html#" + schema, "schemas and roles")
                    .close("p");
        });

        html.element("h2", "HTTP API");
        List<HttpApi.Endpoint> endpoints = model.endpointsOf(module.name());
        html.table(List.of("method", "path", "operation", "parameters", "request body", "responses"), endpoints.stream()
                .map(e -> List.of(e.method(), e.path(), e.operation(), e.parameters(), e.requestBody(), e.responses()))
                .toList());
        if (!endpoints.isEmpty()) {
            html.open("p").link("openapi/" + module.name() + ".json", "OpenAPI document").close("p");
        }

        html.element("h2", "Extraction readiness");
        model.readinessOf(module.name()).ifPresentOrElse(readiness -> ExtractionPage.section(html, readiness),
                () -> html.paragraph("Shared code owning no data: it travels with each extracted module as a library."));
        return html.end();
    }
}
