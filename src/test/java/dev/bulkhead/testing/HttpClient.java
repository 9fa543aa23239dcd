package dev.bulkhead.testing;

import com.jayway.jsonpath.JsonPath;
import java.io.UnsupportedEncodingException;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** JSON over MockMvc, with the few steps the HTTP tests keep repeating. */
public final class HttpClient {

    private final MockMvcTester mvc;

    public HttpClient(MockMvcTester mvc) {
        this.mvc = mvc;
    }

    public MvcTestResult get(String path) {
        return mvc.get().uri(path).accept(MediaType.APPLICATION_JSON).exchange();
    }

    public MvcTestResult post(String path, String json) {
        return mvc.post().uri(path).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    public MvcTestResult patch(String path, String json) {
        return mvc.patch().uri(path).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
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
}
