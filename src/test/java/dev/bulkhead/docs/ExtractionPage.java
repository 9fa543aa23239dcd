package dev.bulkhead.docs;

import java.util.List;

/** Per business module: what crosses its boundary and what extracting it would take. */
final class ExtractionPage {

    private ExtractionPage() {
    }

    static String render(DocumentationModel model) {
        Html html = Html.page("Extraction readiness");
        html.paragraph("For each module owning a schema: who calls it synchronously, what it calls, the events in and out, "
                + "which of its types others compile against, and anything in the database that ties it to another "
                + "schema. Blockers need other modules or the database to change first; the other items change only "
                + "the module being moved.");
        model.readiness().values().forEach(readiness -> {
            html.element("h2", readiness.module());
            section(html, readiness);
        });
        return html.end();
    }

    static void section(Html html, ExtractionReadiness readiness) {
        html.open("p", "class", "verdict").text(readiness.verdict()).close("p");
        html.element("h3", "Incoming synchronous calls");
        html.table(List.of("from module", "caller", "calls"), readiness.incomingCalls().stream()
                .map(call -> List.of(call.callerModule(), call.caller(), call.callee())).toList());
        html.element("h3", "Outgoing synchronous calls");
        html.table(List.of("to module", "caller", "calls"), readiness.outgoingCalls().stream()
                .map(call -> List.of(call.calleeModule(), call.caller(), call.callee())).toList());
        html.element("h3", "Events");
        html.table(List.of("direction", "events"), List.of(
                List.of("in (from other modules)", String.join(", ", readiness.eventsIn())),
                List.of("out", String.join(", ", readiness.eventsOut()))));
        html.element("h3", "Its types used by other modules");
        html.list(readiness.typesUsedByOthers());
        html.element("h3", "Shared tables and cross-schema references");
        html.list(java.util.stream.Stream.concat(readiness.databaseCrossings().stream()
                .map(reference -> reference.kind() + " " + reference.from() + " → " + reference.to()),
                readiness.foreignSchemaAccess().stream()).toList());
        html.element("h3", "Ready: works across processes already");
        html.list(readiness.ready());
        html.element("h3", "Blockers");
        html.list(readiness.blockers());
        html.element("h3", "What the move itself changes");
        html.list(readiness.workItems());
    }
}
