package dev.bulkhead.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes a creating request safe to retry with an {@code Idempotency-Key} header: the first request
 * with a key does the work and stores its result next to the key in the owning module's schema, in
 * the same transaction; a retry with the same key and the same request gets that result and
 * creates nothing; the same key with a different request gets a 422. Two concurrent requests with
 * one key are serialised by the key's primary key: the second waits for the first to commit.
 *
 * <p>A key is remembered for {@code bulkhead.idempotency.window} (24 hours) after its first use: a request with a key
 * older than that is a new request, and does the work again (ADR 0033). The store decides that in the claim itself,
 * in one statement, so the rule does not depend on when expired keys are pruned, and two concurrent requests with
 * one expired key still serialise on its row: the first renews it, the second then finds it renewed.
 */
@Component
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 200;

    private final JsonMapper json;
    private final RetentionWindows windows;
    private final Clock clock;

    Idempotency(JsonMapper json, RetentionWindows windows, Clock clock) {
        this.json = json;
        this.windows = windows;
        this.clock = clock;
    }

    /** Where a module keeps its keys: a table of its own schema. */
    public interface KeyStore {

        /**
         * Inserts the key dated {@code now} unless present, or takes it over, reset and dated {@code now}, when it is
         * dated before {@code expiredBefore}: an insert with {@code on conflict ... do update ... where} the stored
         * key has expired. False when a key that has not expired was there (or another request holds it).
         */
        boolean claim(String caller, String key, String requestHash, Instant now, Instant expiredBefore);

        Optional<StoredResult> find(String caller, String key);

        void complete(String caller, String key, String resultJson);
    }

    public record StoredResult(String requestHash, String resultJson) {
    }

    /**
     * Runs {@code work} once per key; call it inside the module's transaction.
     *
     * @param request the parsed request body, compared (as JSON) with the first request's
     */
    public <T> T once(KeyStore store, String key, String path, Object request, Class<T> resultType, Supplier<T> work) {
        validate(key);
        String caller = caller();
        String hash = hash(path + "\n" + json.writeValueAsString(request));
        Instant now = clock.instant();
        if (store.claim(caller, key, hash, now, windows.idempotencyKeysExpiredBefore(now))) {
            T result = work.get();
            store.complete(caller, key, json.writeValueAsString(result));
            return result;
        }
        StoredResult stored = store.find(caller, key).orElseThrow(() -> new IllegalStateException("key vanished: " + key));
        if (!stored.requestHash().equals(hash)) {
            throw RejectedRequest.idempotencyKeyReused();
        }
        return json.readValue(stored.resultJson(), resultType);
    }

    private static void validate(String key) {
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw RejectedRequest.badRequest(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters");
        }
    }

    private static String caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "anonymous" : authentication.getName();
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
