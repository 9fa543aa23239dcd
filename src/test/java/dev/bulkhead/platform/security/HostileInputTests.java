package dev.bulkhead.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.testing.DatabaseInspector;
import dev.bulkhead.testing.HttpClient;
import dev.bulkhead.testing.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * A fuzzer: thousands of malformed, oversized, negative, unicode, SQL-injection and wrong-type
 * inputs against every endpoint. Never a 5xx, and a refused request leaves every table it could
 * have written exactly as it was. The seed is printed, so a failure can be replayed.
 */
@IntegrationTest
class HostileInputTests {

    private static final int REQUESTS = 1_500;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    DatabaseInspector inspector;

    @Test
    void hostile_input_never_causes_a_server_error_or_a_partial_write() {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("HostileInputTests seed: " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
        Random random = new Random(seed);
        HttpClient http = new HttpClient(mvc);
        UUID victim = http.registerCustomer("Fuzz Target"); // no money: a valid order placed by chance charges nothing
        Payloads payloads = new Payloads(random, victim);
        List<String> failures = new ArrayList<>();

        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        Map<String, Object> state = state(victim);
        for (int i = 0; i < REQUESTS && failures.size() < 10; i++) {
            Probe probe = payloads.next();
            MvcTestResult result = probe.send(http);
            int status = result.getResponse().getStatus();
            statuses.merge(status, 1, Integer::sum);
            Map<String, Object> after = state(victim);
            if (status >= 500) {
                failures.add(status + " for " + probe + ": " + HttpClient.body(result));
            } else if (status >= 400 && !after.equals(state)) {
                failures.add("refused with " + status + " but wrote: " + probe + " " + state + " -> " + after);
            }
            state = after;
        }
        System.out.println("HostileInputTests statuses: " + statuses);
        assertThat(failures).as("seed %d", seed).isEmpty();
        assertThat(statuses).as("the fuzzer reaches validation, size limits and the modules, not only the security layer")
                .containsKeys(400, 413).containsAnyOf(Map.entry(404, statuses.getOrDefault(404, -1)),
                        Map.entry(422, statuses.getOrDefault(422, -1)));
    }

    /** Everything a refused request could have changed synchronously. */
    private Map<String, Object> state(UUID victim) {
        return inspector.sql("""
                select (select count(*) from users.users) as users,
                       (select name || '|' || active from users.users where id = ?) as victim,
                       (select count(*) from orders.orders) as orders,
                       (select count(*) from billing.ledger_entries where kind = 'TOP_UP') as top_ups,
                       (select count(*) from orders.idempotency_keys) + (select count(*) from billing.idempotency_keys) as keys""")
                .param(victim).query().singleRow();
    }

    record Probe(String method, String path, String body) {

        MvcTestResult send(HttpClient http) {
            return switch (method) {
                case "GET" -> http.get(path);
                case "PATCH" -> http.patch(path, body);
                default -> http.post(path, body);
            };
        }

        @Override
        public String toString() {
            return method + " " + path + " " + (body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body);
        }
    }

    /** Generates one hostile request at a time. */
    static final class Payloads {

        private static final String[] NASTY_STRINGS = {
                "", " ", "'; DROP TABLE users.users; --", "\" OR 1=1 --", "Robert'); DELETE FROM billing.accounts;--",
                "\u0000", "𝕳𝖊𝖑𝖑𝖔 🎉", "\u202Eevil", "<script>alert(1)</script>", "../../etc/passwd", "%00", "${jndi:ldap://x}",
                "null", "true", "-1", "1e309", "NaN", "\\", "\"", "ü".repeat(300) };
        private static final String[] NASTY_NUMBERS = {
                "-1", "0", "-9223372036854775808", "9223372036854775808", "1e30", "1.5", "-0.0", "\"12\"", "null", "[]", "{}",
                "true", "2147483648", "1000000001", "100000001" };

        private final Random random;
        private final UUID victim;

        Payloads(Random random, UUID victim) {
            this.random = random;
            this.victim = victim;
        }

        Probe next() {
            List<Supplier<Probe>> kinds = List.of(
                    () -> new Probe("POST", "/v1/users", object("email", string(), "name", string())),
                    () -> new Probe("PATCH", "/v1/users/" + id(), object("name", string())),
                    () -> new Probe("GET", "/v1/users?ids=" + raw(), null),
                    () -> new Probe("POST", "/v1/billing/accounts/" + id() + "/top-ups", object("amount", number(), "currency", string())),
                    () -> new Probe("POST", "/v1/orders", object("userId", "\"" + victim + "\"", "currency", string(),
                            "lines", "[" + object("sku", string(), "quantity", number(), "unitPrice", number()) + "]")),
                    () -> new Probe("POST", "/v1/orders", garbage()),
                    () -> new Probe("GET", "/v1/orders?userId=" + raw() + "&page=" + raw() + "&size=" + raw(), null),
                    () -> new Probe("GET", "/v1/support/order-history?q=" + raw() + "&status=" + raw() + "&from=" + raw(), null),
                    () -> new Probe("GET", "/v1/dashboard/" + id(), null),
                    () -> new Probe("POST", "/v1/orders/" + id() + "/cancel", garbage()),
                    () -> new Probe("POST", "/v1/users/" + id() + "/deactivate", garbage()));
            return kinds.get(random.nextInt(kinds.size())).get();
        }

        private String id() {
            return switch (random.nextInt(4)) {
                case 0 -> victim.toString();
                case 1 -> UUID.randomUUID().toString();
                case 2 -> urlSafe(pick(NASTY_STRINGS));
                default -> random.nextBoolean() ? victim.toString().toUpperCase() : "%20" + random.nextInt();
            };
        }

        private String raw() {
            return random.nextBoolean() ? urlSafe(pick(NASTY_STRINGS)) : urlSafe(pick(NASTY_NUMBERS));
        }

        private String string() {
            return switch (random.nextInt(10)) {
                case 0 -> pick(NASTY_NUMBERS);
                case 1 -> "\"" + "x".repeat(random.nextInt(70_000)) + "\"";
                default -> "\"" + pick(NASTY_STRINGS).replace("\\", "\\\\").replace("\"", "\\\"").replace("\u0000", "\\u0000") + "\"";
            };
        }

        private String number() {
            return random.nextInt(4) == 0 ? string() : pick(NASTY_NUMBERS);
        }

        private String object(String... keysAndValues) {
            StringBuilder json = new StringBuilder("{");
            for (int i = 0; i < keysAndValues.length; i += 2) {
                if (random.nextInt(6) == 0) {
                    continue; // a missing field
                }
                json.append(json.length() > 1 ? "," : "").append('"').append(keysAndValues[i]).append("\":").append(keysAndValues[i + 1]);
            }
            if (random.nextInt(8) == 0) {
                json.append(json.length() > 1 ? "," : "").append("\"unexpected\":1");
            }
            return json.append('}').toString();
        }

        private String garbage() {
            return switch (random.nextInt(4)) {
                case 0 -> "{";
                case 1 -> "[1,2,";
                case 2 -> pick(NASTY_STRINGS);
                default -> "{\"a\":" + "[".repeat(random.nextInt(2_000)) + "}";
            };
        }

        private String pick(String[] values) {
            return values[random.nextInt(values.length)];
        }

        private static String urlSafe(String value) {
            return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
