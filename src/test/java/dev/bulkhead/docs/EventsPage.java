package dev.bulkhead.docs;

import java.util.List;

/** The event catalog and the sagas derived from it. */
final class EventsPage {

    private EventsPage() {
    }

    static String render(DocumentationModel model) {
        EventGraph events = model.events();
        Html html = Html.page("Event catalog");
        html.paragraph("Every jMolecules @DomainEvent of the application, found in the bytecode: who constructs and "
                + "publishes it, its fields, which listener methods receive it (by type, so a listener of an interface "
                + "receives every event implementing it) and the sagas it belongs to.");
        html.image("diagrams/event-flow.svg", "Events flowing from publishing to listening modules");
        html.element("h2", "Sagas");
        html.paragraph("A saga starts with an event that no listener publishes and takes in every event its listeners "
                + "publish in reaction, transitively.");
        html.table(List.of("saga", "events, in order reached", "modules taking part", "hops"), events.sagas().stream()
                .map(saga -> List.of(saga.name(), String.join(", ", saga.events().stream().map(DocumentationModel::simpleName).toList()),
                        String.join(", ", saga.modules()), String.join("; ", saga.hops())))
                .toList());
        html.element("h2", "Events");
        for (EventGraph.Event event : events.events()) {
            html.open("h3", "id", event.simpleName()).text(event.simpleName()).close("h3");
            List<String> sagas = events.sagasOf(event.type());
            html.table(List.of("type", "module", "published by", "saga"), List.of(List.of(event.type(), event.module(),
                    String.join("; ", event.publishedBy()), sagas.isEmpty() ? "—" : String.join(", ", sagas))));
            html.element("h4", "Fields");
            html.list(event.fields());
            html.element("h4", "Listeners");
            html.table(List.of("module", "method", "declared parameter", "delivery", "publishes in reaction"),
                    events.listenersOf(event.type()).stream().map(listener -> List.of(listener.module(), listener.method(),
                            listener.parameterType(), listener.delivery(),
                            String.join(", ", listener.publishes().stream().map(DocumentationModel::simpleName).toList())))
                            .toList());
        }
        return html.end();
    }
}
