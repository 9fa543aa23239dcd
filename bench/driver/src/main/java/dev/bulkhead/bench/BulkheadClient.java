package dev.bulkhead.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Bulkhead's HTTP API as the benchmark uses it: set-up calls (blocking) and the measured calls (async). */
final class BulkheadClient {

    static final long TOP_UP_MINOR = 1_000_000_000L;
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final Pattern VALUE = Pattern.compile("\"value\":([0-9.E+-]+)");

    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
    private static final Pattern USER_IN_PATH = Pattern.compile("^/v1/billing/accounts/([0-9a-f-]{36})/");
    private static final Pattern USER_IN_BODY = Pattern.compile("\"userId\":\"([0-9a-f-]{36})\"");

    /**
     * HTTP/1.1, as the server speaks it: by default the JDK's client offers every new connection an upgrade to
     * HTTP/2 first, which Tomcat declines; that is work on both sides of the measurement and on its two cores.
     * Responses are completed on the client's own selector thread instead of being handed to a thread pool.
     */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Runnable::run).connectTimeout(Duration.ofSeconds(2)).build();
    private final String baseUrl;
    /** Bearer tokens from the application's development endpoint (the bench starts it with dev tokens on), by subject. */
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    BulkheadClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Registers a customer and tops the account up with plenty for every order of a run. */
    UUID customerWithMoney(String email) {
        UUID user = UUID.fromString(id(send(post("/v1/users", "{\"email\":\"" + email + "\",\"name\":\"Bench Customer\"}"))));
        // billing opens the account when it hears UserRegistered, a few milliseconds later
        for (int attempt = 0; attempt < 100; attempt++) {
            HttpResponse<String> topUp = send(post("/v1/billing/accounts/" + user + "/top-ups",
                    "{\"amount\":" + TOP_UP_MINOR + ",\"currency\":\"EUR\"}"));
            if (topUp.statusCode() / 100 == 2) {
                return user;
            }
            Pause.millis(20);
        }
        throw new IllegalStateException("no billing account for " + user);
    }

    HttpRequest placeOrderRequest(UUID user) {
        return post("/v1/orders", "{\"userId\":\"" + user + "\",\"currency\":\"EUR\","
                + "\"lines\":[{\"sku\":\"BOOK-1\",\"quantity\":2,\"unitPrice\":1250}]}");
    }

    UUID placeOrder(UUID user) {
        HttpResponse<String> response = send(placeOrderRequest(user));
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw new IllegalStateException("order refused: " + response.statusCode() + " " + response.body());
        }
        return UUID.fromString(id(response));
    }

    String orderJson(UUID order) {
        return send(get("/v1/orders/" + order)).body();
    }

    /** Reads go out with a support and operator token: they may read every customer's data and the metrics. */
    HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token("bench-staff", "\"SUPPORT\",\"OPERATOR\"")).GET().build();
    }

    /** A POST without a body as the bench's staff (an operator): for the admin endpoints that start work. */
    HttpRequest adminPost(String path, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .header("Authorization", "Bearer " + token("bench-staff", "\"SUPPORT\",\"OPERATOR\""))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
    }

    /** Tokens are signed with the process's secret: a restarted application needs new ones. */
    void forgetTokens() {
        tokens.clear();
    }

    CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The value of a counter at /actuator/metrics, for one tag. */
    double metric(String name, String tag) {
        String body = send(get("/actuator/metrics/" + name + (tag == null ? "" : "?tag=" + tag))).body();
        Matcher value = VALUE.matcher(body);
        return value.find() ? Double.parseDouble(value.group(1)) : Double.NaN;
    }

    /** Changes go out as the customer they act for, with that customer's own token. */
    private HttpRequest post(String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        Matcher user = USER_IN_PATH.matcher(path);
        Matcher owner = USER_IN_BODY.matcher(json);
        String customer = user.find() ? user.group(1) : owner.find() ? owner.group(1) : null;
        if (customer != null) {
            request.header("Authorization", "Bearer " + token(customer, "\"CUSTOMER\""));
        }
        return request.build();
    }

    private String token(String subject, String rolesJson) {
        return tokens.computeIfAbsent(subject, unused -> {
            HttpRequest issue = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/dev/tokens")).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"subject\":\"" + subject + "\",\"roles\":[" + rolesJson + "]}"))
                    .build();
            Matcher token = TOKEN.matcher(send(issue).body());
            if (!token.find()) {
                throw new IllegalStateException("no development token for " + subject);
            }
            return token.group(1);
        });
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String id(HttpResponse<String> response) {
        return id(response.statusCode() + " " + response.body());
    }

    static String id(String body) {
        Matcher id = ID.matcher(body);
        if (!id.find()) {
            throw new IllegalStateException("no id in " + body);
        }
        return id.group(1);
    }
}
