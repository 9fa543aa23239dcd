package dev.bulkhead.platform.remote;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The user module's process as a caller sees it: a real HTTP server answering
 * {@code POST /internal/published-queries/UserApi/findById} with what the test set up for each user id,
 * after the delay the test chose. It records each request's headers and counts the calls in flight.
 */
final class StubUserModule implements AutoCloseable {

    record Answer(Duration delay, int status, Map<String, String> headers, String body) {
    }

    record Request(String authorization, String caller) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work, "stub-user-module");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<UUID, Answer> answers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();

    StubUserModule(Function<UUID, String> userJson) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/internal/published-queries/UserApi/findById", exchange -> answer(exchange, userJson));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** How the stub answers for {@code user}; a user without one is answered at once as an active customer. */
    void answer(UUID user, Answer answer) {
        answers.put(user, answer);
    }

    List<Request> requests() {
        return requests;
    }

    int inFlight() {
        return inFlight.get();
    }

    private void answer(HttpExchange exchange, Function<UUID, String> userJson) throws IOException {
        inFlight.incrementAndGet();
        try (exchange) {
            requests.add(new Request(exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Bulkhead-Caller")));
            String arguments = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            UUID user = UUID.fromString(arguments.replaceAll("[\\[\\]\" ]", ""));
            Answer answer = answers.getOrDefault(user, new Answer(Duration.ZERO, 200, Map.of(), null));
            Thread.sleep(answer.delay().toMillis());
            byte[] body = (answer.body() != null ? answer.body() : userJson.apply(user)).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.status() == 200 ? "application/json" : "application/problem+json");
            answer.headers().forEach(exchange.getResponseHeaders()::set);
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
