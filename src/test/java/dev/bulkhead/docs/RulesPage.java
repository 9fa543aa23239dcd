package dev.bulkhead.docs;

import java.util.List;

/** The boundary rules the build enforces and the violations knowingly accepted. */
final class RulesPage {

    private RulesPage() {
    }

    static String render(BoundaryRules rules) {
        Html html = Html.page("Boundary rules");
        html.paragraph("Every build checks these (./mvnw verify; the static ones alone: ./mvnw -Parchitecture test). "
                + "Details and how each rule is detected: architecture-tests/README.md.");
        html.table(List.of("id", "rule", "why, and how to fix a violation"), rules.rules().stream()
                .map(rule -> List.of(rule.id(), rule.sentence(), rule.explanation())).toList());
        html.element("h2", "Accepted violations (src/test/resources/boundary-baseline.txt)");
        html.table(List.of("violation", "why it is accepted"), rules.accepted().stream()
                .map(entry -> List.of(entry.key(), entry.reason())).toList());
        if (!rules.baselineProblems().isEmpty()) {
            html.element("h3", "Malformed baseline entries");
            html.list(rules.baselineProblems());
        }
        return html.end();
    }
}
