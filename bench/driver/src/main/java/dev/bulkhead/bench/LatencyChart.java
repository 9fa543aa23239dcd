package dev.bulkhead.bench;

import java.util.List;
import java.util.Locale;

/**
 * An SVG of time-to-PAID (p50, p99; log scale) against the throughput each offered load achieved, with the SQL
 * floor's throughput as a vertical line: the closer the knee sits to that line, the less the application costs.
 */
final class LatencyChart {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 420;
    private static final int LEFT = 70;
    private static final int RIGHT = 30;
    private static final int TOP = 40;
    private static final int BOTTOM = 60;

    private LatencyChart() {
    }

    static String svg(List<OrderFlowStep.Result> ladder, double floorPerSecond) {
        double maxX = Math.max(floorPerSecond, ladder.stream().mapToDouble(OrderFlowStep.Result::offeredPerSecond).max().orElse(1)) * 1.1;
        double minY = 1;
        double maxY = Math.max(10, ladder.stream().mapToDouble(r -> r.toPaid().max()).max().orElse(10)) * 1.5;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"15\">Bulkhead order flow: time from POST /v1/orders to PAID vs throughput</text>%n", LEFT));
        for (double y = 1; y <= maxY; y *= 10) {
            double py = y(y, minY, maxY);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s ms</text>%n", LEFT, WIDTH - RIGHT, py, py, LEFT - 6, py + 4, label(y)));
        }
        int ticks = 5;
        for (int i = 0; i <= ticks; i++) {
            double value = maxX * i / ticks;
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%.0f</text>%n", x(value, maxX), HEIGHT - BOTTOM + 18, value));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">orders PAID per second (achieved)</text>%n", (LEFT + WIDTH - RIGHT) / 2, HEIGHT - 15));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"black\"/><line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                LEFT, LEFT, TOP, HEIGHT - BOTTOM, LEFT, WIDTH - RIGHT, HEIGHT - BOTTOM, HEIGHT - BOTTOM));
        double fx = x(floorPerSecond, maxX);
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#c00\" stroke-dasharray=\"6 4\"/>"
                + "<text x=\"%.1f\" y=\"%d\" fill=\"#c00\" text-anchor=\"end\">SQL floor %.0f/s</text>%n", fx, fx, TOP, HEIGHT - BOTTOM, fx - 4, TOP + 14, floorPerSecond));
        series(svg, ladder, maxX, minY, maxY, true, "#1f77b4");
        series(svg, ladder, maxX, minY, maxY, false, "#ff7f0e");
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#1f77b4\">● p50</text><text x=\"%d\" y=\"%d\" fill=\"#ff7f0e\">● p99</text>%n",
                LEFT + 10, TOP + 14, LEFT + 60, TOP + 14));
        return svg.append("</svg>\n").toString();
    }

    private static void series(StringBuilder svg, List<OrderFlowStep.Result> ladder, double maxX, double minY, double maxY,
            boolean median, String colour) {
        StringBuilder points = new StringBuilder();
        for (OrderFlowStep.Result result : ladder) {
            double latency = Math.max(minY, median ? result.toPaid().p50() : result.toPaid().p99());
            double px = x(result.achievedPerSecond(), maxX);
            double py = y(latency, minY, maxY);
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"><title>offered %.0f/s, achieved %.1f/s: %.1f ms</title></circle>%n",
                    px, py, colour, result.offeredPerSecond(), result.achievedPerSecond(), latency));
        }
        svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\"/>%n", points.toString().trim(), colour));
    }

    private static double x(double value, double maxX) {
        return LEFT + (WIDTH - LEFT - RIGHT) * value / maxX;
    }

    private static double y(double value, double minY, double maxY) {
        double span = Math.log10(maxY) - Math.log10(minY);
        return HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * (Math.log10(value) - Math.log10(minY)) / span;
    }

    private static String label(double ms) {
        return ms >= 1000 ? String.format(Locale.ROOT, "%.0fk", ms / 1000) : String.format(Locale.ROOT, "%.0f", ms);
    }
}
