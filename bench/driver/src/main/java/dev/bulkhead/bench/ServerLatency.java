package dev.bulkhead.bench;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The requests' latency as the application measured it (Micrometer's {@code http.server.requests}, from the moment its
 * filter chain took a request to its answer), beside what the bench's clients measured: the two differ by what the
 * request spent outside the application's handling, in the kernel's queues, Tomcat's threads and the clients' own
 * process, which shares the cores. The application runs with a percentiles histogram for that meter (the rehearsal's
 * argument); a snapshot is its cumulative buckets by URI pattern, the difference of two is one phase's histogram.
 */
final class ServerLatency {

    /** The rehearsal's argument that gives {@code http.server.requests} its histogram buckets. */
    static final String APP_ARGUMENT = "--management.metrics.distribution.percentiles-histogram.http.server.requests=true";

    private static final Pattern BUCKET = Pattern.compile(
            // the labels up to the last "} ": a URI pattern has braces of its own ("/v1/dashboard/{userId}")
            "^http_server_requests_seconds_bucket\\{(?<labels>.*)\\} (?<count>[0-9.eE+]+)$", Pattern.MULTILINE);
    private static final Pattern URI = Pattern.compile("(?:^|,)uri=\"([^\"]*)\"");
    private static final Pattern LE = Pattern.compile("(?:^|,)le=\"([^\"]*)\""); // not the end of "module="

    /** Cumulative counts by URI pattern, then by upper bound in seconds. */
    record Snapshot(Map<String, TreeMap<Double, Double>> buckets) {

        /** The 99th percentile, in milliseconds, of the requests to {@code uri} since {@code before}: a bucket's upper bound. */
        double p99Since(Snapshot before, String uri) {
            TreeMap<Double, Double> now = buckets.getOrDefault(uri, new TreeMap<>());
            TreeMap<Double, Double> then = before.buckets.getOrDefault(uri, new TreeMap<>());
            double all = now.isEmpty() ? 0 : now.lastEntry().getValue() - then.getOrDefault(now.lastKey(), 0.0);
            if (all <= 0) {
                return Double.NaN;
            }
            for (Map.Entry<Double, Double> bucket : now.entrySet()) {
                if (bucket.getValue() - then.getOrDefault(bucket.getKey(), 0.0) >= 0.99 * all) {
                    return bucket.getKey() * 1000;
                }
            }
            return Double.POSITIVE_INFINITY;
        }
    }

    private final BulkheadClient client;

    ServerLatency(BulkheadClient client) {
        this.client = client;
    }

    Snapshot snapshot() {
        Map<String, TreeMap<Double, Double>> buckets = new HashMap<>();
        try {
            HttpResponse<String> response = client.send(client.get("/actuator/prometheus"));
            Matcher bucket = BUCKET.matcher(response.body());
            while (bucket.find()) {
                Matcher uri = URI.matcher(bucket.group("labels"));
                Matcher le = LE.matcher(bucket.group("labels"));
                if (uri.find() && le.find()) {
                    double bound = le.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le.group(1));
                    buckets.computeIfAbsent(uri.group(1), unused -> new TreeMap<>())
                            .merge(bound, Double.parseDouble(bucket.group("count")), Double::sum);
                }
            }
        } catch (IllegalStateException unanswered) {
            Progress.say("server latency: the metrics did not answer (%s)", unanswered.getMessage());
        }
        return new Snapshot(buckets);
    }
}
