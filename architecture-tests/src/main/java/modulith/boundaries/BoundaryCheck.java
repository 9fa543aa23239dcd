package modulith.boundaries;

import java.nio.file.Path;
import modulith.boundaries.report.SarifReport;

/**
 * Runs rules against one codebase and its baseline, records each verdict in the SARIF report,
 * and fails with the violations' messages. Tests call {@link #assertHolds} once per rule.
 */
public final class BoundaryCheck {

    private final Codebase codebase;
    private final Baseline baseline;
    private final SarifReport report;
    private final java.util.Map<String, BoundaryVerdict> verdicts = new java.util.concurrent.ConcurrentHashMap<>();

    public BoundaryCheck(BoundaryConfiguration configuration, Baseline baseline, SarifReport report) {
        this.codebase = Codebase.of(configuration);
        this.baseline = baseline;
        this.report = report;
    }

    public static BoundaryCheck of(BoundaryConfiguration configuration, Path baselineFile, Path sarifFile) {
        return new BoundaryCheck(configuration, Baseline.read(baselineFile), new SarifReport(sarifFile));
    }

    /** With the configuration's own baseline and SARIF file. */
    public static BoundaryCheck of(BoundaryConfiguration configuration) {
        return of(configuration, configuration.baseline(), configuration.sarif());
    }

    public Baseline baseline() {
        return baseline;
    }

    public Codebase codebase() {
        return codebase;
    }

    /** The rule's verdict, computed once per check however often it is asked for. */
    public BoundaryVerdict verdict(BoundaryRule rule) {
        return verdicts.computeIfAbsent(rule.id(), id -> BoundaryVerdict.of(rule, rule.check(codebase), baseline));
    }

    /** Fails with one line per new violation and per stale baseline entry; warnings are printed only. */
    public void assertHolds(BoundaryRule rule) {
        BoundaryVerdict verdict = verdict(rule);
        report.add(verdict);
        if (!verdict.passed()) {
            throw new AssertionError(verdict.report() + "SARIF: " + report.file());
        }
        if (!verdict.result().warnings().isEmpty() || !verdict.result().notes().isEmpty()) {
            System.out.print(verdict.report());
        }
    }
}
