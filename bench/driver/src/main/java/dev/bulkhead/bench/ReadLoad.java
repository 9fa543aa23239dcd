package dev.bulkhead.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * The reads a customer-facing screen makes while the rehearsal measures something else: one client lists a customer's
 * orders ({@code GET /v1/orders?userId=}), one asks for a customer's dashboard, customers in turn. Each client sends a
 * request every {@code interval} (paced: it watches what a job does to the requests and leaves the cores to the job),
 * and a request's latency counts from when it was due, so a request held up by a slow one before it is charged with
 * the wait. A zero interval sends each request as soon as the previous one was answered (closed loop): on a quiet
 * machine that keeps a core busy with reads alone.
 */
final class ReadLoad {

    /**
     * @param seconds how long the reads ran; with the latencies' counts, the request rate
     * @param serverListingP99 the listing's p99 as the application's web server measured it ({@link ServerLatency}), in
     *        ms; NaN when its log held none of them
     * @param serverDashboardP99 the dashboard's, likewise
     */
    record Result(Latencies listing, Latencies dashboard, int failed, double seconds, double serverListingP99,
            double serverDashboardP99, List<Request> requests, Pressure.Share pressure) {

        /**
         * Every request in the order answered, as lines
         * {@code <due, epoch ms>\t<latency ms>\t<listing|dashboard>\t<the client's thread woke late by, ms>}.
         */
        void writeTrace(Path file) {
            StringBuilder lines = new StringBuilder("due_epoch_ms\tlatency_ms\tkind\twoke_late_ms\n");
            for (Request request : requests) {
                lines.append(request.dueEpochMillis()).append('\t').append(String.format(Locale.ROOT, "%.3f", request.latencyMillis()))
                        .append('\t').append(request.kind()).append('\t')
                        .append(String.format(Locale.ROOT, "%.3f", request.wokeLateMillis())).append('\n');
            }
            try {
                Files.writeString(file, lines);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        double requestsPerSecond() {
            return seconds <= 0 ? 0 : (listing.count() + dashboard.count()) / seconds;
        }
    }

    /**
     * One request: when it was due (wall clock), how long it took from then, and of that how late its client's thread
     * woke to send it.
     */
    record Request(long dueEpochMillis, double latencyMillis, double wokeLateMillis, String kind) {
    }

    /** The listing's URI pattern: its path, a {@code {variable}} standing for one segment ({@link ServerLatency}). */
    private static final String LISTING = "/v1/orders";
    private static final String DASHBOARD = "/v1/dashboard/{userId}";

    private final BulkheadClient client;
    private final ServerLatency serverLatency;
    private final List<UUID> customers;
    private final Duration interval;

    ReadLoad(BulkheadClient client, ServerLatency serverLatency, List<UUID> customers, Duration interval) {
        this.client = client;
        this.serverLatency = serverLatency;
        this.customers = customers;
        this.interval = interval;
    }

    /** The same reads sent back to back (closed loop): to warm the application up, not to measure it. */
    ReadLoad closedLoop() {
        return new ReadLoad(client, serverLatency, customers, Duration.ZERO);
    }

    /** The clients, running until {@link Running#stop()}. */
    Running start() {
        return new Running();
    }

    final class Running {

        private final Latencies listing = new Latencies();
        private final Latencies dashboard = new Latencies();
        private final AtomicInteger failed = new AtomicInteger();
        private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
        private final long wallAtStart = System.currentTimeMillis();
        private final Optional<Pressure> pressureAtStart = Pressure.now();
        private final List<Thread> threads = new ArrayList<>();
        private final long started = System.nanoTime();
        private volatile boolean running = true;

        private Running() {
            threads.add(loop("listing", listing, customer -> LISTING + "?userId=" + customer + "&page=0&size=20"));
            threads.add(loop("dashboard", dashboard, customer -> DASHBOARD.replace("{userId}", customer.toString())));
            threads.forEach(Thread::start);
        }

        private Thread loop(String name, Latencies latencies, Function<UUID, String> path) {
            Thread thread = new Thread(() -> {
                int next = name.hashCode() & 0xffff;
                long due = System.nanoTime();
                while (running) {
                    UUID customer = customers.get(next++ % customers.size());
                    boolean parked = false;
                    for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                        LockSupport.parkNanos(wait);
                        parked = true;
                    }
                    // how late this thread woke for a request it waited for: the clients' own wait for a core, not the
                    // application's (behind schedule it did not wait, and the delay is the slow request's before it)
                    long wokeLate = parked ? System.nanoTime() - due : 0;
                    long sent = interval.isZero() ? System.nanoTime() : due;
                    due = sent + interval.toNanos(); // behind schedule, the next ones go at once until it is caught up
                    try {
                        HttpResponse<String> response = client.send(client.get(path.apply(customer)));
                        if (response.statusCode() != 200) {
                            failed.incrementAndGet();
                        }
                    } catch (IllegalStateException unanswered) {
                        failed.incrementAndGet();
                        Pause.millis(10);
                    }
                    long took = System.nanoTime() - sent;
                    synchronized (latencies) {
                        latencies.recordNanos(took);
                    }
                    requests.add(new Request(wallAtStart + (sent - started) / 1_000_000, took / 1e6, wokeLate / 1e6, name));
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
            long wallAtStop = System.currentTimeMillis();
            return new Result(listing, dashboard, failed.get(), (System.nanoTime() - started) / 1e9,
                    serverP99(LISTING, listing, wallAtStop), serverP99(DASHBOARD, dashboard, wallAtStop), List.copyOf(requests),
                    Pressure.now().flatMap(end -> pressureAtStart.map(end::since)).orElse(Pressure.Share.UNKNOWN));
        }

        private double serverP99(String uriPattern, Latencies atClients, long wallAtStop) {
            Latencies inServer = serverLatency.between(uriPattern, wallAtStart, wallAtStop, atClients.count());
            return inServer.count() == 0 ? Double.NaN : inServer.p99();
        }
    }
}
