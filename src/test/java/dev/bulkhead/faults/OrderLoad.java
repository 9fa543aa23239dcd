package dev.bulkhead.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Orders placed continuously, one thread per customer, as a careful client places them: each order with an
 * {@code Idempotency-Key} of its own, sent again with the same key after a 503 (waiting as {@code Retry-After} says,
 * shortened to keep the test short) until it is accepted. Every answer is kept: the accepted orders by key, the 503s,
 * and anything else, which a fault must never produce.
 */
final class OrderLoad {

    private static final Duration BETWEEN_ORDERS = Duration.ofMillis(10);
    private static final Duration BETWEEN_RETRIES = Duration.ofMillis(250);

    private final LiveHttp http;
    private final List<UUID> customers;
    private final long unitPrice;
    private final Map<String, String> acceptedByKey = new ConcurrentHashMap<>();
    private final Queue<LiveHttp.Answer> unavailable = new ConcurrentLinkedQueue<>();
    private final Queue<String> unexpected = new ConcurrentLinkedQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopping;

    OrderLoad(LiveHttp http, List<UUID> customers, long unitPrice) {
        this.http = http;
        this.customers = customers;
        this.unitPrice = unitPrice;
    }

    void start() {
        for (UUID customer : customers) {
            Thread thread = new Thread(() -> placeUntilStopped(customer), "order-load-" + customer);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /** Stops placing new orders; each thread still finishes (retries) the order it is placing, within {@code within}. */
    void stop(Duration within) throws InterruptedException {
        stopping = true;
        long deadline = System.nanoTime() + within.toNanos();
        for (Thread thread : threads) {
            thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            if (thread.isAlive()) {
                unexpected.add(thread.getName() + " still had not placed its order " + within + " after the load stopped");
                thread.interrupt();
            }
        }
    }

    /** Accepted orders: their id by the key they were placed with. */
    Map<String, String> accepted() {
        return acceptedByKey;
    }

    List<LiveHttp.Answer> unavailable() {
        return List.copyOf(unavailable);
    }

    /** Answers other than 201 and 503, hangs, and orders never accepted. */
    List<String> unexpected() {
        return List.copyOf(unexpected);
    }

    /** The body of an order of one line. */
    static String orderOf(UUID customer, long unitPrice) {
        return "{\"userId\":\"" + customer + "\",\"currency\":\"EUR\",\"lines\":[{\"sku\":\"FAULT-1\",\"quantity\":1,"
                + "\"unitPrice\":" + unitPrice + "}]}";
    }

    private void placeUntilStopped(UUID customer) {
        String token = http.customerToken(customer);
        String body = orderOf(customer, unitPrice);
        while (!stopping && !Thread.currentThread().isInterrupted()) {
            String key = UUID.randomUUID().toString();
            while (!Thread.currentThread().isInterrupted()) {
                LiveHttp.Answer answer = http.post("/v1/orders", body, token, key);
                if (answer.status() == 201) {
                    acceptedByKey.put(key, answer.json().get("id").asString());
                    break;
                }
                if (answer.status() == 503) {
                    unavailable.add(answer);
                    LiveHttp.pause(BETWEEN_RETRIES);
                    continue;
                }
                unexpected.add("order " + key + " of " + customer + ": " + answer);
                break;
            }
            LiveHttp.pause(BETWEEN_ORDERS);
        }
    }
}
