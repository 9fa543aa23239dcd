package dev.bulkhead.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Section 7 of the report: the current jar against a baseline, one row per figure with every round of each jar,
 * the ratio of their medians and issue 20's target for it. The section names its own date, machine and settings,
 * because a run of the comparison alone splices it into a report whose other sections come from an earlier run.
 */
final class ComparisonSection {

    /** A figure's row: {@code target} null for a figure shown for context only. */
    private record Figure(String name, ToDoubleFunction<BaselineComparison.Run> value, String format, Target target) {
    }

    /** How a figure's target is judged: on the ratio of the medians, or on the current jar's worst round. */
    private record Target(String text, boolean onRatio, double limit, boolean atMost) {

        boolean holds(double ratio, double currentWorst) {
            double measured = onRatio ? ratio : currentWorst;
            return atMost ? measured <= limit : measured >= limit;
        }
    }

    /** What the section says, and its verdicts for the report's table of targets. */
    record Text(String markdown, List<String[]> verdicts) {
    }

    static final String HEADING = "## 7. Against a baseline";

    private ComparisonSection() {
    }

    static Text of(BaselineComparison.Outcome outcome, Instant started, String command, String loads) {
        BaselineComparison.Plan plan = outcome.plan();
        int many = plan.connections();
        List<Figure> figures = List.of(
                new Figure(f("accepted orders/s at %d connections", many), run -> run.many().result().acceptedPerSecond(), "%.1f",
                        new Target("≥ 3.0 ×", true, 3.0, false)),
                new Figure(f("POST p99 at %d connections (ms)", many), run -> run.many().result().latencies().p99(), "%.1f",
                        new Target("≤ 0.5 ×", true, 0.5, true)),
                new Figure("POST p50 at 1 connection (ms)", run -> run.single().result().latencies().p50(), "%.2f",
                        new Target("≤ 0.5 ×", true, 0.5, true)),
                new Figure(f("503 answers at %d connections", many), run -> run.many().result().count(503), "%.0f",
                        new Target("none (current, every round)", false, 0, true)),
                new Figure("accepted orders not PAID after the run", run -> run.unpaid(), "%.0f",
                        new Target("none (current, every round)", false, 0, true)),
                new Figure("peak RSS (MiB)", BaselineComparison.Run::peakRssMib, "%.0f", new Target("≤ 1.0 ×", true, 1.0, true)),
                new Figure("first start on an empty database (s)", BaselineComparison.Run::firstStartSeconds, "%.2f",
                        new Target("≤ 0.6 ×", true, 0.6, true)),
                new Figure("accepted orders/s at 1 connection", run -> run.single().result().acceptedPerSecond(), "%.1f", null),
                new Figure(f("POST p50 at %d connections (ms)", many), run -> run.many().result().latencies().p50(), "%.1f", null),
                new Figure("POST p99 at 1 connection (ms)", run -> run.single().result().latencies().p99(), "%.2f", null),
                new Figure(f("other non-2xx or unanswered at %d connections", many),
                        run -> run.many().result().refused() - run.many().result().count(503), "%.0f", null),
                new Figure(f("seconds until all PAID after the %d-connection load", many), run -> run.many().drainSeconds(), "%.1f", null));

        List<BaselineComparison.Run> baseline = outcome.of(outcome.baseline());
        List<BaselineComparison.Run> current = outcome.of(outcome.current());
        StringBuilder text = new StringBuilder("\n").append(HEADING).append(" (closed loop, durable PostgreSQL)\n\n")
                .append(f("Measured by `%s`, started %s on %s, %d cores (load average: %s). ", command, started, MachineInfo.cpu(),
                        MachineInfo.cores(), loads))
                .append(f("Baseline: `%s`; current: `%s`; both built by `bench/run` from those commits and run on %s with the ",
                        outcome.baseline().version(), outcome.current().version(), outcome.java().label()))
                .append(f("application JVM flags above (`%s`).\n\n", String.join(" ", JavaSetup.APP_FLAGS)))
                .append(f("The jars take turns, %d rounds of baseline then current. Each run gets a fresh durable server, %s, ",
                        plan.rounds(), outcome.database()))
                .append("unlike the phases above (fsync off, to measure CPU rather than this disk): here what a commit costs is part of ")
                .append("what is compared, as in a deployment. The first start (process start → `/actuator/health` 200) provisions ")
                .append(f("and migrates that empty database. Then %d customers with money, one per connection; a warm-up of %d s ",
                        many, plan.warmUp().toSeconds()))
                .append(f("closed-loop at %d connections; then %d s closed-loop at 1 connection and %d s at %d connections. ",
                        many, plan.measure().toSeconds(), plan.measure().toSeconds(), many))
                .append("Closed loop: each connection sends its next `POST /v1/orders` when the previous one is answered; latency ")
                .append("is send to answer. After each load the driver waits (up to ")
                .append(f("%d s) until every accepted order has a PAID row in its timeline. Peak RSS is the process's VmHWM over ",
                        plan.drainTimeout().toSeconds()))
                .append("the whole run.\n\n");
        if (plan.warmUp().toSeconds() < 60 || plan.measure().toSeconds() < 30) {
            text.append(f("**Shortened run**: warm-up %d s and measurements of %d s, against the defaults of 60 s and 30 s.\n\n",
                    plan.warmUp().toSeconds(), plan.measure().toSeconds()));
        }
        text.append("Ratio = current / baseline, of the medians of the rounds (with two rounds, the mean of the two). ")
                .append("The 503 and PAID targets hold only if every round of the current jar meets them.\n\n")
                .append("| figure | baseline, by round | current, by round | baseline median | current median | ratio | target | holds |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        List<String[]> verdicts = new ArrayList<>();
        for (Figure figure : figures) {
            double[] before = values(baseline, figure.value());
            double[] after = values(current, figure.value());
            double ratio = median(after) / median(before);
            String holds = "";
            if (figure.target() != null) {
                boolean met = figure.target().holds(ratio, Arrays.stream(after).max().orElse(Double.NaN));
                holds = met ? "yes" : "**no**";
                String measured = figure.target().onRatio()
                        ? f(figure.format() + " vs " + figure.format() + " = %.2f ×", median(after), median(before), ratio)
                        : f("current, worst round: " + figure.format() + " (baseline: %s)", Arrays.stream(after).max().orElse(Double.NaN),
                                join(before, figure.format()));
                verdicts.add(new String[] { "vs baseline: " + figure.name(), measured, figure.target().text(), holds });
            }
            text.append(f("| %s | %s | %s | " + figure.format() + " | " + figure.format() + " | %s | %s | %s |\n", figure.name(),
                    join(before, figure.format()), join(after, figure.format()), median(before), median(after),
                    Double.isFinite(ratio) ? f("%.2f", ratio) : "—", figure.target() == null ? "—" : figure.target().text(), holds));
        }
        return new Text(text.toString(), verdicts);
    }

    private static double[] values(List<BaselineComparison.Run> runs, ToDoubleFunction<BaselineComparison.Run> value) {
        return runs.stream().mapToDouble(value).toArray();
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static String join(double[] values, String format) {
        return Arrays.stream(values).mapToObj(v -> f(format, v)).collect(Collectors.joining(", "));
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
