package dev.bulkhead.platform.messaging;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.util.StringUtils;

/**
 * The configured HMAC keys by id. The active key signs; every key verifies, which lets a new key
 * be rolled out to the consumers before the publishers switch to it, and an old one removed after.
 */
final class SigningKeys {

    private static final int MIN_KEY_BYTES = 32;

    private final Map<String, byte[]> keys;
    private final String activeKeyId;

    private SigningKeys(Map<String, byte[]> keys, String activeKeyId) {
        this.keys = keys;
        this.activeKeyId = activeKeyId;
    }

    /** @throws IllegalStateException when the configuration cannot sign safely: start-up fails with the reason */
    static SigningKeys from(MessagingProperties.Signing signing) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        signing.keys().forEach((id, secret) -> {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(secret.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("bulkhead.messaging.signing.keys." + id + " is not Base64");
            }
            if (bytes.length < MIN_KEY_BYTES) {
                throw new IllegalStateException("bulkhead.messaging.signing.keys." + id + " has " + bytes.length
                        + " bytes; an HMAC-SHA256 key needs at least " + MIN_KEY_BYTES);
            }
            keys.put(id, bytes);
        });
        String active = signing.activeKey();
        if (!StringUtils.hasText(active) || !keys.containsKey(active)) {
            throw new IllegalStateException("Messaging is enabled but bulkhead.messaging.signing.active-key (" + active
                    + ") names none of the configured keys " + keys.keySet()
                    + ": set BULKHEAD_MESSAGING_SIGNING_KEYS_<ID> (Base64) and BULKHEAD_MESSAGING_SIGNING_ACTIVE_KEY");
        }
        return new SigningKeys(Map.copyOf(keys), active);
    }

    String activeKeyId() {
        return activeKeyId;
    }

    byte[] activeKey() {
        return keys.get(activeKeyId);
    }

    Optional<byte[]> key(String id) {
        return Optional.ofNullable(id).map(keys::get);
    }
}
