package dev.bulkhead.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * An open-loop load generator: request {@code i} is due at {@code start + i / rate}, whatever happened to the
 * requests before it, and its latency is measured from that intended time, not from when it was actually sent.
 * A slow server therefore cannot slow the generator down and hide its own queueing (coordinated omission).
 */
final class OpenLoop {

    /** One request: when it was due (epoch microseconds, comparable with the server's timestamps), and its answer. */
    record Sample(long intendedEpochMicros, long latencyNanos, int status, String body) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    private final BulkheadClient client;

    OpenLoop(BulkheadClient client) {
        this.client = client;
    }

    /**
     * Sends {@code rate × duration} requests (never more than {@code maxRequests}) and waits for every answer,
     * at most {@code drainTimeout} after the last one was due; unanswered requests count as status 0.
     */
    List<Sample> run(double rate, Duration duration, int maxRequests, Duration drainTimeout, IntFunction<HttpRequest> request) {
        int count = (int) Math.min(maxRequests, Math.round(rate * duration.toMillis() / 1000.0));
        long intervalNanos = (long) (1e9 / rate);
        Instant epochStart = Instant.now();
        long nanoStart = System.nanoTime() + 5_000_000; // first request 5 ms from now
        long epochStartMicros = epochStart.getEpochSecond() * 1_000_000 + epochStart.getNano() / 1000 + 5_000;
        List<CompletableFuture<Sample>> pending = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long due = nanoStart + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long intendedMicros = epochStartMicros + (due - nanoStart) / 1000;
            pending.add(client.sendAsync(request.apply(i))
                    .handle((response, failure) -> sample(due, intendedMicros, response)));
        }
        long drainDeadline = nanoStart + (count * intervalNanos) + drainTimeout.toNanos();
        List<Sample> samples = new ArrayList<>(count);
        for (CompletableFuture<Sample> future : pending) {
            try {
                long left = Math.max(1, drainDeadline - System.nanoTime());
                samples.add(future.get(left, TimeUnit.NANOSECONDS));
            } catch (Exception unanswered) {
                samples.add(new Sample(0, Long.MAX_VALUE, 0, ""));
            }
        }
        return samples;
    }

    private static Sample sample(long dueNanos, long intendedMicros, HttpResponse<String> response) {
        long latency = System.nanoTime() - dueNanos;
        return response == null ? new Sample(intendedMicros, latency, 0, "")
                : new Sample(intendedMicros, latency, response.statusCode(), response.body());
    }
}
