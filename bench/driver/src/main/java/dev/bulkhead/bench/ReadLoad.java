package dev.bulkhead.bench;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The reads a customer-facing screen makes, closed-loop, while the rehearsal measures something else: one client
 * lists a customer's orders ({@code GET /v1/orders?userId=}), one asks for a customer's dashboard, each sending its next
 * request when the previous one was answered, customers in turn. Small on purpose (two clients on two cores): it
 * watches what a job does to the requests, it does not load the machine.
 */
final class ReadLoad {

    record Result(Latencies listing, Latencies dashboard, int failed, double seconds) {
    }

    private final BulkheadClient client;
    private final List<UUID> customers;

    ReadLoad(BulkheadClient client, List<UUID> customers) {
        this.client = client;
        this.customers = customers;
    }

    /** The clients, running until {@link Running#stop()}. */
    Running start() {
        return new Running();
    }

    final class Running {

        private final Latencies listing = new Latencies();
        private final Latencies dashboard = new Latencies();
        private final AtomicInteger failed = new AtomicInteger();
        private final List<Thread> threads = new ArrayList<>();
        private final long started = System.nanoTime();
        private volatile boolean running = true;

        private Running() {
            threads.add(loop("listing", listing, customer -> "/v1/orders?userId=" + customer + "&page=0&size=20"));
            threads.add(loop("dashboard", dashboard, customer -> "/v1/dashboard/" + customer));
            threads.forEach(Thread::start);
        }

        private Thread loop(String name, Latencies latencies, Function<UUID, String> path) {
            Thread thread = new Thread(() -> {
                int next = name.hashCode() & 0xffff;
                while (running) {
                    UUID customer = customers.get(next++ % customers.size());
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<String> response = client.send(client.get(path.apply(customer)));
                        if (response.statusCode() != 200) {
                            failed.incrementAndGet();
                        }
                    } catch (IllegalStateException unanswered) {
                        failed.incrementAndGet();
                        Pause.millis(10);
                    }
                    synchronized (latencies) {
                        latencies.recordNanos(System.nanoTime() - sent);
                    }
                }
            }, "read-load-" + name);
            thread.setDaemon(true);
            return thread;
        }

        Result stop() {
            running = false;
            for (Thread thread : threads) {
                try {
                    thread.join(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return new Result(listing, dashboard, failed.get(), (System.nanoTime() - started) / 1e9);
        }
    }
}
