package dev.bulkhead.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application's HTTP API over a real socket, as a client sees it during a fault: the real status Tomcat sent
 * (a 500 is a 500 here, not an exception thrown into the test), its headers and body, and how long it took.
 * Tokens come from the development token endpoint, one per customer, minted while the database is up.
 */
final class LiveHttp {

    /** Longer than any answer the application may take during a fault; a request still running then is a hang. */
    static final Duration HANG = Duration.ofSeconds(15);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    LiveHttp(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** One answer; status -1 when the request hung past {@link #HANG} or the connection failed. */
    record Answer(int status, String body, String retryAfter, String contentType, long millis) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        @Override
        public String toString() {
            return status + " after " + millis + " ms" + (retryAfter == null ? "" : " (Retry-After " + retryAfter + ")") + ": "
                    + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    Answer get(String path, String token) {
        return send(request(path, token).GET());
    }

    Answer post(String path, String json, String token, String idempotencyKey) {
        HttpRequest.Builder request = request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request);
    }

    String customerToken(UUID customer) {
        return token(customer.toString(), "CUSTOMER");
    }

    String staffToken() {
        return token("staff", "SUPPORT\",\"OPERATOR");
    }

    /** Registers a customer and tops the account up once billing has opened it (both retried while they answer 503). */
    UUID registerCustomer(String name, long balance) {
        Answer registered = post("/v1/users", "{\"email\":\"" + UUID.randomUUID() + "@example.com\",\"name\":\"" + name + "\"}", null, null);
        if (registered.status() != 201) {
            throw new IllegalStateException("registration failed: " + registered);
        }
        UUID id = UUID.fromString(registered.json().get("id").asString());
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Answer topUp;
        do {
            topUp = post("/v1/billing/accounts/" + id + "/top-ups", "{\"amount\":" + balance + ",\"currency\":\"EUR\"}",
                    customerToken(id), "top-up-" + id);
            if (topUp.status() == 201) {
                return id;
            }
            pause(Duration.ofMillis(50));
        } while (System.nanoTime() < deadline);
        throw new IllegalStateException("could not top up " + id + ": " + topUp);
    }

    private String token(String subject, String roles) {
        return tokens.computeIfAbsent(subject + "|" + roles, unused -> {
            Answer issued = post("/v1/dev/tokens", "{\"subject\":\"" + subject + "\",\"roles\":[\"" + roles + "\"]}", null, null);
            if (issued.status() != 200) {
                throw new IllegalStateException("could not get a token: " + issued);
            }
            return issued.json().get("token").asString();
        });
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(HANG)
                .header("Accept", "application/json, application/problem+json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private Answer send(HttpRequest.Builder request) {
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response.headers().firstValue("Retry-After").orElse(null),
                    response.headers().firstValue("Content-Type").orElse(""), elapsed(started));
        } catch (HttpTimeoutException e) {
            return new Answer(-1, "no answer within " + HANG, null, "", elapsed(started));
        } catch (IOException e) {
            return new Answer(-1, "connection failed: " + e, null, "", elapsed(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "interrupted", null, "", elapsed(started));
        }
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
