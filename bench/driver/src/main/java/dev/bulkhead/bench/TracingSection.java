package dev.bulkhead.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Section 8 of the report: what tracing costs an order (issue 21, ADR 0031). The same jar runs with tracing off
 * ({@code management.opentelemetry.enabled=false}) and on at the default sampling (10 % of traces recorded, no
 * collector), in alternating rounds on fresh durable servers, as the baseline comparison runs. The target: tracing
 * adds at most 10 % to an order's cost, read as the application's CPU per order at saturation; throughput and the
 * single-connection latency are held to the same 10 %.
 */
final class TracingSection {

    static final String HEADING = "## 8. What tracing costs";

    /** At most 10 % more: a cost ratio ≤ 1.10, a throughput ratio ≥ 1 / 1.10. */
    static final double MOST_ADDED = 1.10;

    private record Figure(String name, ToDoubleFunction<BaselineComparison.Run> value, String format, String target,
            boolean costLike) {
    }

    private TracingSection() {
    }

    static ComparisonSection.Text of(BaselineComparison.Outcome outcome, Instant started, String command, String loads) {
        int many = outcome.plan().connections();
        List<Figure> figures = List.of(
                new Figure(f("application CPU per order at %d connections (ms)", many), run -> run.many().cpu().app(), "%.2f",
                        "≤ 1.10 ×", true),
                new Figure(f("accepted orders/s at %d connections", many), run -> run.many().result().acceptedPerSecond(), "%.1f",
                        "≥ 0.91 ×", false),
                new Figure("POST p50 at 1 connection (ms)", run -> run.single().result().latencies().p50(), "%.2f", "≤ 1.10 ×", true),
                new Figure(f("PostgreSQL CPU per order at %d connections (ms)", many), run -> run.many().cpu().postgres(), "%.2f",
                        null, true),
                new Figure("application CPU per order at 1 connection (ms)", run -> run.single().cpu().app(), "%.2f", null, true),
                new Figure(f("POST p99 at %d connections (ms)", many), run -> run.many().result().latencies().p99(), "%.1f", null, true),
                new Figure("peak RSS (MiB)", BaselineComparison.Run::peakRssMib, "%.0f", null, true),
                new Figure("accepted orders not PAID after the run", run -> run.unpaid(), "%.0f", null, true));
        List<BaselineComparison.Run> off = outcome.of(outcome.baseline());
        List<BaselineComparison.Run> on = outcome.of(outcome.current());
        StringBuilder text = new StringBuilder("\n").append(HEADING).append(" (closed loop, durable PostgreSQL)\n\n")
                .append(f("Measured by `%s`, started %s on %s, %d cores (load average: %s), jar `%s` on %s with the application ",
                        command, started, MachineInfo.cpu(), MachineInfo.cores(), loads, outcome.current().version(),
                        outcome.java().label()))
                .append(f("JVM flags above. The same jar twice: **%s** (`%s`) and **%s** (the defaults: Micrometer Tracing with ",
                        outcome.baseline().name(), String.join(" ", outcome.baseline().arguments()), outcome.current().name()))
                .append("the OpenTelemetry bridge, every module step a span, 10 % of traces sampled, each publication storing its ")
                .append("trace, no collector configured). ")
                .append(f("%d rounds, tracing off then on, each on a fresh durable server (%s); warm-up %d s at %d connections, ",
                        outcome.plan().rounds(), outcome.database(), outcome.plan().warmUp().toSeconds(), many))
                .append(f("then %d s closed-loop at 1 and %d s at %d connections, as in section 7. CPU per order: the process's ",
                        outcome.plan().measure().toSeconds(), outcome.plan().measure().toSeconds(), many))
                .append("CPU time during the load (from `/proc`) over the orders it accepted.\n\n");
        if (outcome.plan().warmUp().toSeconds() < 60 || outcome.plan().measure().toSeconds() < 30) {
            text.append(f("**Shortened run**: warm-up %d s and measurements of %d s, against the defaults of 60 s and 30 s; ",
                    outcome.plan().warmUp().toSeconds(), outcome.plan().measure().toSeconds()))
                    .append("a proof that the phase works, not a measurement.\n\n");
        }
        text.append("Ratio = on / off, of the medians of the rounds.\n\n")
                .append("| figure | off, by round | on, by round | off median | on median | ratio | target | holds |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        List<String[]> verdicts = new ArrayList<>();
        for (Figure figure : figures) {
            double[] before = off.stream().mapToDouble(figure.value()).toArray();
            double[] after = on.stream().mapToDouble(figure.value()).toArray();
            double ratio = ComparisonSection.median(after) / ComparisonSection.median(before);
            String holds = "";
            if (figure.target() != null) {
                boolean met = figure.costLike() ? ratio <= MOST_ADDED : ratio >= 1 / MOST_ADDED;
                holds = met ? "yes" : "**no**";
                verdicts.add(new String[] { "tracing on vs off: " + figure.name(), f(figure.format() + " vs " + figure.format()
                        + " = %.2f ×", ComparisonSection.median(after), ComparisonSection.median(before), ratio), figure.target(), holds });
            }
            text.append(f("| %s | %s | %s | " + figure.format() + " | " + figure.format() + " | %s | %s | %s |\n", figure.name(),
                    join(before, figure.format()), join(after, figure.format()), ComparisonSection.median(before),
                    ComparisonSection.median(after), Double.isFinite(ratio) ? f("%.2f", ratio) : "—",
                    figure.target() == null ? "—" : figure.target(), holds));
        }
        return new ComparisonSection.Text(text.toString(), verdicts);
    }

    private static String join(double[] values, String format) {
        return Arrays.stream(values).mapToObj(v -> f(format, v)).collect(Collectors.joining(", "));
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
