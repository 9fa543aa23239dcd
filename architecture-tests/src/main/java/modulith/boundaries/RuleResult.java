package modulith.boundaries;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one rule found: violations fail the build; warnings (such as a migration statement that could only be
 * scanned) are printed and reported but do not; notes say what the rule looked at (how many migration statements it
 * parsed, analysed and only scanned), and whether it ran at all.
 */
public record RuleResult(List<Violation> violations, List<Violation> warnings, List<String> notes) {

    public RuleResult {
        violations = distinctSorted(violations);
        warnings = distinctSorted(warnings);
        notes = List.copyOf(notes);
    }

    public RuleResult(List<Violation> violations, List<Violation> warnings) {
        this(violations, warnings, List.of());
    }

    public static RuleResult of(List<Violation> violations) {
        return new RuleResult(violations, List.of());
    }

    /** A policy the codebase switched off: nothing checked, nothing found. */
    public static RuleResult switchedOff(String ruleId) {
        return new RuleResult(List.of(), List.of(), List.of(ruleId + " is switched off by the configuration (a policy, not a boundary)"));
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
