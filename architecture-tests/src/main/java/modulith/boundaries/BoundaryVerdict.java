package modulith.boundaries;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A rule's result held against the baseline: new violations fail, and so do baseline entries that
 * no longer occur, so accepted debt can only shrink.
 */
public record BoundaryVerdict(BoundaryRule rule, RuleResult result, List<Violation> newViolations,
        List<Violation> acceptedViolations, List<Baseline.Entry> staleEntries) {

    public static BoundaryVerdict of(BoundaryRule rule, RuleResult result, Baseline baseline) {
        List<Baseline.Entry> entries = baseline.entriesFor(rule.id());
        Set<String> acceptedKeys = entries.stream().map(Baseline.Entry::key).collect(Collectors.toSet());
        Set<String> foundKeys = result.violations().stream().map(Violation::key).collect(Collectors.toSet());
        List<Violation> fresh = new ArrayList<>();
        List<Violation> accepted = new ArrayList<>();
        for (Violation violation : result.violations()) {
            (acceptedKeys.contains(violation.key()) ? accepted : fresh).add(violation);
        }
        List<Baseline.Entry> stale = entries.stream().filter(entry -> !foundKeys.contains(entry.key())).toList();
        return new BoundaryVerdict(rule, result, fresh, accepted, stale);
    }

    public boolean passed() {
        return newViolations.isEmpty() && staleEntries.isEmpty();
    }

    /** The build log text: one line per violation, then what to do about the baseline. */
    public String report() {
        StringBuilder text = new StringBuilder();
        if (!newViolations.isEmpty()) {
            text.append(newViolations.size()).append(" violation(s) of \"").append(rule.sentence()).append("\"\n");
            newViolations.forEach(violation -> text.append(violation.message()).append('\n'));
            text.append("(To accept one knowingly, add its key with a reason to the baseline: ")
                    .append(newViolations.get(0).key()).append("  # why)\n");
        }
        if (!staleEntries.isEmpty()) {
            text.append(staleEntries.size()).append(" baseline entr(y/ies) no longer occur; delete them so the debt stays paid:\n");
            staleEntries.forEach(entry -> text.append("baseline line ").append(entry.line()).append(": ").append(entry.key()).append('\n'));
        }
        if (!result.warnings().isEmpty()) {
            text.append(result.warnings().size()).append(" warning(s), not failing the build:\n");
            result.warnings().forEach(warning -> text.append(warning.message()).append('\n'));
        }
        result.notes().forEach(note -> text.append(rule.id()).append(": ").append(note).append('\n'));
        return text.toString();
    }
}
