package modulith.boundaries;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one rule found: violations fail the build; warnings (such as a migration statement the SQL
 * parser could not read) are printed and reported but do not.
 */
public record RuleResult(List<Violation> violations, List<Violation> warnings) {

    public RuleResult {
        violations = distinctSorted(violations);
        warnings = distinctSorted(warnings);
    }

    public static RuleResult of(List<Violation> violations) {
        return new RuleResult(violations, List.of());
    }

    /** The same crossing found twice at one place (for example through an annotation and a constant) is reported once. */
    private static List<Violation> distinctSorted(List<Violation> found) {
        Map<String, Violation> unique = new LinkedHashMap<>();
        for (Violation violation : found) {
            unique.putIfAbsent(violation.key() + "@" + violation.location().file() + ":" + violation.location().line(), violation);
        }
        List<Violation> sorted = new ArrayList<>(unique.values());
        sorted.sort(Comparator.comparing((Violation v) -> String.valueOf(v.location().file()))
                .thenComparingInt(v -> v.location().line())
                .thenComparing(Violation::key));
        return List.copyOf(sorted);
    }
}
