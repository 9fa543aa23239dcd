package dev.bulkhead.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * A closed-loop load generator: {@code connections} clients, each sending its next request only when the previous
 * one was answered, for a fixed time. Unlike {@link OpenLoop} it cannot offer more than the server takes, so its
 * throughput is the server's at that concurrency and its latency the time each request took once sent: the
 * figures of issue 20, which compares two builds at 1 and 16 connections, as the load tool it cites does.
 */
final class ClosedLoop {

    /**
     * What the clients got: answers by HTTP status (0 = no answer), the latency of every answer, the bodies of
     * the 2xx ones, and the time from the first request sent to the last answer received.
     */
    record Result(int connections, double seconds, Map<Integer, Integer> statuses, Latencies latencies, List<String> accepted) {

        int count(int status) {
            return statuses.getOrDefault(status, 0);
        }

        int refused() {
            return statuses.values().stream().mapToInt(Integer::intValue).sum() - accepted.size();
        }

        double acceptedPerSecond() {
            return accepted.size() / seconds;
        }
    }

    private final BulkheadClient client;

    ClosedLoop(BulkheadClient client) {
        this.client = client;
    }

    /**
     * Runs {@code connections} clients for {@code duration}; client {@code i} sends {@code request.apply(i)}. A
     * request sent before the end is waited for, so every request sent is counted, and the time runs until the
     * last answer.
     */
    Result run(int connections, Duration duration, IntFunction<HttpRequest> request) {
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Client one = new Client(request.apply(i), end);
            clients.add(one);
            one.thread.start();
        }
        Latencies latencies = new Latencies();
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> accepted = new ArrayList<>();
        for (Client one : clients) {
            try {
                one.thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            latencies.add(one.latencies);
            one.statuses.forEach((status, count) -> statuses.merge(status, count, Integer::sum));
            accepted.addAll(one.accepted);
        }
        return new Result(connections, (System.nanoTime() - start) / 1e9, statuses, latencies, accepted);
    }

    /** One connection's loop, with figures of its own so the clients never contend for a lock. */
    private final class Client {

        private final Latencies latencies = new Latencies();
        private final Map<Integer, Integer> statuses = new TreeMap<>();
        private final List<String> accepted = new ArrayList<>();
        private final Thread thread;

        Client(HttpRequest request, long endNanos) {
            this.thread = new Thread(() -> {
                while (System.nanoTime() < endNanos) {
                    long sent = System.nanoTime();
                    int status;
                    String body = "";
                    try {
                        HttpResponse<String> response = client.send(request);
                        status = response.statusCode();
                        body = response.body();
                    } catch (IllegalStateException unanswered) {
                        status = 0;
                        Pause.millis(10); // a server that refuses connections would otherwise be hammered in a tight loop
                    }
                    latencies.recordNanos(System.nanoTime() - sent);
                    statuses.merge(status, 1, Integer::sum);
                    if (status / 100 == 2) {
                        accepted.add(body);
                    }
                }
            }, "closed-loop-client");
        }
    }
}
