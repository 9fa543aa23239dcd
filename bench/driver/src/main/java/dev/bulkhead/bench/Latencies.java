package dev.bulkhead.bench;

import org.HdrHistogram.Histogram;

/** p50/p90/p99/max of a set of latencies, recorded in microseconds with 3 significant digits. */
final class Latencies {

    private final Histogram histogram = new Histogram(3_600_000_000L, 3);

    void recordNanos(long nanos) {
        histogram.recordValue(Math.max(1, Math.min(nanos / 1000, histogram.getHighestTrackableValue())));
    }

    void recordMicros(long micros) {
        recordNanos(micros * 1000);
    }

    /** Adds another set's latencies to this one: each closed-loop connection records its own, merged at the end. */
    void add(Latencies other) {
        histogram.add(other.histogram);
    }

    long count() {
        return histogram.getTotalCount();
    }

    double p50() {
        return millis(histogram.getValueAtPercentile(50));
    }

    double p90() {
        return millis(histogram.getValueAtPercentile(90));
    }

    double p99() {
        return millis(histogram.getValueAtPercentile(99));
    }

    double max() {
        return millis(histogram.getMaxValue());
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }
}
