package modulith.boundaries.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import modulith.boundaries.BoundaryRule;
import modulith.boundaries.BoundaryVerdict;
import modulith.boundaries.RuleCatalog;
import modulith.boundaries.Violation;

/**
 * The boundary violations as a SARIF 2.1.0 log, which code hosts show as annotations on the
 * offending lines. Each rule test adds its verdict and the file is rewritten, so the log is
 * complete however many of the tests ran. Accepted (baselined) violations appear as suppressed
 * results; warnings with level {@code warning}.
 */
public final class SarifReport {

    private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private final Path file;
    private final Map<String, BoundaryVerdict> verdicts = new LinkedHashMap<>();

    public SarifReport(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public synchronized void add(BoundaryVerdict verdict) {
        verdicts.put(verdict.rule().id(), verdict);
        write();
    }

    private void write() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, JsonWriter.write(log()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    Map<String, Object> log() {
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "module-boundaries");
        driver.put("informationUri", "architecture-tests/README.md");
        driver.put("rules", rules());
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("columnKind", "utf16CodeUnits");
        run.put("results", results());
        Map<String, Object> notes = new LinkedHashMap<>();
        verdicts.values().stream().filter(verdict -> !verdict.result().notes().isEmpty())
                .forEach(verdict -> notes.put(verdict.rule().id(), verdict.result().notes()));
        if (!notes.isEmpty()) {
            run.put("properties", Map.of("notes", notes));
        }
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        log.put("runs", List.of(run));
        return log;
    }

    private static List<Object> rules() {
        List<Object> rules = new ArrayList<>();
        for (BoundaryRule rule : RuleCatalog.all()) {
            rules.add(rule(rule.id(), rule.sentence(), rule.help(), "error"));
        }
        rules.add(rule(RuleCatalog.OWN_SCHEMA_MIGRATIONS.id() + ".unchecked",
                "A migration statement could only be scanned, not parsed.",
                "Neither JSqlParser nor the PostgreSQL fallback knows this kind of statement, so only the schema-qualified "
                        + "names in it were checked. Review it by hand.", "warning"));
        return rules;
    }

    private static Map<String, Object> rule(String id, String sentence, String help, String level) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("id", id);
        rule.put("name", id.replaceAll("[^A-Za-z0-9]", ""));
        rule.put("shortDescription", Map.of("text", sentence));
        rule.put("fullDescription", Map.of("text", help));
        rule.put("help", Map.of("text", help, "markdown", "**" + sentence + "** " + help
                + " See architecture-tests/README.md."));
        rule.put("defaultConfiguration", Map.of("level", level));
        return rule;
    }

    private List<Object> results() {
        List<Object> results = new ArrayList<>();
        for (BoundaryVerdict verdict : verdicts.values()) {
            verdict.newViolations().forEach(violation -> results.add(result(violation, "error", null)));
            verdict.acceptedViolations().forEach(violation -> results.add(result(violation, "error", "accepted in the baseline")));
            verdict.result().warnings().forEach(warning -> results.add(result(warning, "warning", null)));
        }
        return results;
    }

    private static Map<String, Object> result(Violation violation, String level, String suppression) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ruleId", violation.ruleId());
        result.put("level", level);
        result.put("message", Map.of("text", violation.boundary() + ": " + violation.what() + ". Instead: " + violation.fix()));
        Map<String, Object> physical = new LinkedHashMap<>();
        physical.put("artifactLocation", Map.of("uri", String.valueOf(violation.location().file()), "uriBaseId", "%SRCROOT%"));
        if (violation.location().line() > 0) {
            physical.put("region", Map.of("startLine", violation.location().line()));
        }
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("physicalLocation", physical);
        location.put("logicalLocations", List.of(Map.of("fullyQualifiedName", String.valueOf(violation.location().member()))));
        result.put("locations", List.of(location));
        result.put("partialFingerprints", Map.of("boundaryKey/v1", violation.key()));
        if (suppression != null) {
            result.put("suppressions", List.of(Map.of("kind", "external", "justification", suppression)));
        }
        return result;
    }
}
