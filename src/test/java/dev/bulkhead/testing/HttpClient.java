package dev.bulkhead.testing;

import com.jayway.jsonpath.JsonPath;
import java.io.UnsupportedEncodingException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.UUID;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * JSON over MockMvc, with the few steps the HTTP tests keep repeating. Requests carry the bearer
 * token a real client would: a customer's own token when the request acts on that customer's data
 * (their profile, account, orders), otherwise a staff token (support and operator). Tokens come
 * from the application's development token endpoint. {@link #as} and {@link #anonymous} pin the
 * caller for tests about access itself.
 */
public final class HttpClient {

    private static final Pattern USER_IN_PATH = Pattern.compile("^/v1/(?:users|billing/accounts)/([0-9a-f-]{36})(?:/.*)?$");
    private static final Pattern ORDER_CANCEL = Pattern.compile("^/v1/orders/([0-9a-f-]{36})/cancel$");
    private static final Pattern USER_IN_BODY = Pattern.compile("\"userId\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private final MockMvcTester mvc;
    private final Tokens tokens;
    private final String pinnedToken;
    private final boolean pinned;
    private final Map<String, String> ownerOfOrder;

    public HttpClient(MockMvcTester mvc) {
        this(mvc, new Tokens(mvc), null, false, new ConcurrentHashMap<>());
    }

    private HttpClient(MockMvcTester mvc, Tokens tokens, String pinnedToken, boolean pinned, Map<String, String> ownerOfOrder) {
        this.mvc = mvc;
        this.tokens = tokens;
        this.pinnedToken = pinnedToken;
        this.pinned = pinned;
        this.ownerOfOrder = ownerOfOrder;
    }

    /** The same client acting as the given customer, whatever the request. */
    public HttpClient asCustomer(UUID userId) {
        return as(tokens.customer(userId.toString()));
    }

    /** The same client acting with exactly these roles ({@code SUPPORT}, {@code OPERATOR}, {@code CUSTOMER}). */
    public HttpClient asRoles(String subject, String... roles) {
        return as(tokens.token(subject, roles));
    }

    public HttpClient as(String token) {
        return new HttpClient(mvc, tokens, token, true, ownerOfOrder);
    }

    /** The same client without any token. */
    public HttpClient anonymous() {
        return new HttpClient(mvc, tokens, null, true, ownerOfOrder);
    }

    public MvcTestResult get(String path) {
        return exchange(mvc.get().uri(path).accept(MediaType.APPLICATION_JSON), path, null);
    }

    public MvcTestResult post(String path, String json) {
        return exchange(mvc.post().uri(path).contentType(MediaType.APPLICATION_JSON).content(json), path, json);
    }

    public MvcTestResult post(String path, String json, String idempotencyKey) {
        return exchange(mvc.post().uri(path).contentType(MediaType.APPLICATION_JSON).content(json)
                .header("Idempotency-Key", idempotencyKey), path, json);
    }

    public MvcTestResult patch(String path, String json) {
        return exchange(mvc.patch().uri(path).contentType(MediaType.APPLICATION_JSON).content(json), path, json);
    }

    private MvcTestResult exchange(MockMvcTester.MockMvcRequestBuilder request, String path, String body) {
        String token = pinned ? pinnedToken : tokenFor(path, body);
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        MvcTestResult result = request.exchange();
        rememberOrderOwner(path, body, result);
        return result;
    }

    /** The customer the request acts for, if any; staff otherwise. */
    private String tokenFor(String path, String body) {
        String plainPath = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        Matcher user = USER_IN_PATH.matcher(plainPath);
        if (body != null && user.matches()) {
            return tokens.customer(user.group(1));
        }
        Matcher cancel = ORDER_CANCEL.matcher(plainPath);
        if (cancel.matches() && ownerOfOrder.containsKey(cancel.group(1))) {
            return tokens.customer(ownerOfOrder.get(cancel.group(1)));
        }
        if (body != null && plainPath.equals("/v1/orders")) {
            Matcher owner = USER_IN_BODY.matcher(body);
            if (owner.find()) {
                return tokens.customer(owner.group(1));
            }
        }
        return tokens.staff();
    }

    private void rememberOrderOwner(String path, String body, MvcTestResult result) {
        if ("/v1/orders".equals(path) && body != null && result.getResponse().getStatus() == 201) {
            ownerOfOrder.put(read(result, "$.id"), read(result, "$.userId"));
        }
    }

    /** Development tokens, one per subject and roles, minted by the application under test. */
    static final class Tokens {

        private final MockMvcTester mvc;
        private final Map<String, String> cache = new ConcurrentHashMap<>();

        Tokens(MockMvcTester mvc) {
            this.mvc = mvc;
        }

        String customer(String userId) {
            return token(userId, "CUSTOMER");
        }

        String staff() {
            return token("staff", "SUPPORT", "OPERATOR");
        }

        String token(String subject, String... roles) {
            return cache.computeIfAbsent(subject + "|" + String.join(",", roles), unused -> {
                String json = "{\"subject\":\"" + subject + "\",\"roles\":[\"" + String.join("\",\"", roles) + "\"]}";
                MvcTestResult issued = mvc.post().uri("/v1/dev/tokens").contentType(MediaType.APPLICATION_JSON).content(json).exchange();
                if (issued.getResponse().getStatus() != 200) {
                    throw new IllegalStateException("could not get a token: " + body(issued));
                }
                return read(issued, "$.token");
            });
        }
    }

    /** Places an order of one line and returns its id. */
    public String placeOrder(UUID userId, long unitPrice) {
        MvcTestResult placed = post("/v1/orders", "{\"userId\":\"" + userId + "\",\"currency\":\"EUR\",\"lines\":"
                + "[{\"sku\":\"ITEM\",\"quantity\":1,\"unitPrice\":" + unitPrice + "}]}");
        if (placed.getResponse().getStatus() != 201) {
            throw new IllegalStateException("order failed: " + body(placed));
        }
        return read(placed, "$.id");
    }

    public static String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString();
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static <T> T read(MvcTestResult result, String jsonPath) {
        return JsonPath.read(body(result), jsonPath);
    }

    /** Registers a user and waits until billing has opened the user's account. */
    public UUID registerCustomer(String name) {
        String email = name.toLowerCase().replace(' ', '.') + "-" + UUID.randomUUID() + "@example.com";
        MvcTestResult registered = post("/v1/users", "{\"email\":\"" + email + "\",\"name\":\"" + name + "\"}");
        if (registered.getResponse().getStatus() != 201) {
            throw new IllegalStateException("registration failed: " + body(registered));
        }
        UUID id = UUID.fromString(read(registered, "$.id"));
        awaitStatus("/v1/billing/summary/" + id, status -> status == 200);
        return id;
    }

    public void topUp(UUID userId, long amount) {
        MvcTestResult result = post("/v1/billing/accounts/" + userId + "/top-ups",
                "{\"amount\":" + amount + ",\"currency\":\"EUR\"}");
        if (result.getResponse().getStatus() != 201) {
            throw new IllegalStateException("top-up failed: " + body(result));
        }
    }

    public void awaitStatus(String path, Predicate<Integer> status) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> status.test(get(path).getResponse().getStatus()));
    }

    /** Polls {@code path} until the JSON value at {@code jsonPath} equals {@code expected}; returns the last response. */
    public MvcTestResult awaitJson(String path, String jsonPath, Object expected) {
        MvcTestResult[] last = new MvcTestResult[1];
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> {
            last[0] = get(path);
            return expected.equals(read(last[0], jsonPath));
        });
        return last[0];
    }

    /** Starts the paged job (waiting for a run of it already under way to end first) and waits for its end (ADR 0034). */
    public MvcTestResult runJob(String name) {
        MvcTestResult started = post("/v1/admin/jobs/" + name, "");
        if (started.getResponse().getStatus() == 409) {
            awaitJobEnd(name);
            started = post("/v1/admin/jobs/" + name, "");
        }
        if (started.getResponse().getStatus() != 202) {
            throw new IllegalStateException("job " + name + " did not start: " + body(started));
        }
        return awaitJobEnd(name);
    }

    /** Polls the job until it is neither running nor stopping; returns its last view. */
    public MvcTestResult awaitJobEnd(String name) {
        MvcTestResult[] last = new MvcTestResult[1];
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(() -> {
            last[0] = get("/v1/admin/jobs/" + name);
            String state = read(last[0], "$.state");
            return !"RUNNING".equals(state) && !"STOPPING".equals(state);
        });
        return last[0];
    }

    /** Starts every reconciliation ({@code POST /v1/admin/reconciliations}, 202) and waits for each to end. */
    public java.util.List<MvcTestResult> reconcile() {
        MvcTestResult started = post("/v1/admin/reconciliations", "");
        if (started.getResponse().getStatus() != 202) {
            throw new IllegalStateException("reconciliations did not start: " + body(started));
        }
        java.util.List<String> names = read(started, "$[*].name");
        return names.stream().map(this::awaitJobEnd).toList();
    }
}
