package dev.bulkhead.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import modulith.boundaries.Baseline;
import modulith.boundaries.BoundaryRule;
import modulith.boundaries.RuleCatalog;

/**
 * The boundary rules in force, in words: the static rules from {@link RuleCatalog} (their sentence
 * and help), the runtime rule from the architecture tests' README (it has no catalog entry because
 * it runs inside the application), and the baseline of accepted violations.
 */
record BoundaryRules(List<Rule> rules, List<Baseline.Entry> accepted, List<String> baselineProblems) {

    record Rule(String id, String sentence, String explanation) {
    }

    static final Path README = Path.of("architecture-tests/README.md");
    static final Path BASELINE = Path.of("src/test/resources/boundary-baseline.txt");

    static BoundaryRules inForce() {
        List<Rule> rules = new ArrayList<>();
        for (BoundaryRule rule : RuleCatalog.all()) {
            rules.add(new Rule(rule.id(), rule.sentence(), rule.help()));
        }
        rules.add(runtimeRuleFromReadme());
        Baseline baseline = Baseline.read(BASELINE);
        return new BoundaryRules(rules, baseline.entries(), baseline.problems());
    }

    private static Rule runtimeRuleFromReadme() {
        try {
            Matcher row = Pattern.compile("(?m)^\\| `" + Pattern.quote(RuleCatalog.RUNTIME_SQL) + "` \\| ([^|]+) \\| (.+) \\|$")
                    .matcher(Files.readString(README));
            if (!row.find()) {
                throw new IllegalStateException(README + " no longer describes " + RuleCatalog.RUNTIME_SQL);
            }
            return new Rule(RuleCatalog.RUNTIME_SQL, row.group(1).strip(), row.group(2).replace("`", "").strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
