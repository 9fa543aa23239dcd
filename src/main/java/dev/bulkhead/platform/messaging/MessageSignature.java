package dev.bulkhead.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA256 of an externalized event: over the key id, the event's name, its id, its trace context
 * ({@code traceparent}, empty when it has none) and the body's exact bytes, each header length-prefixed so no
 * two different messages hash the same input. A valid signature therefore proves that a holder of the key sent
 * this body under these headers: a changed trace header is tampering like any other (ADR 0032).
 */
final class MessageSignature {

    static final String ALGORITHM = "HmacSHA256";

    /** Headers every externalized message carries. */
    static final String KEY_ID = "bulkhead-key-id";
    static final String SIGNATURE = "bulkhead-signature";
    static final String EVENT_TYPE = "bulkhead-event-type";
    static final String EVENT_ID = "bulkhead-event-id";
    /** The W3C trace context of the span that sent the event, which the receiving process continues. */
    static final String TRACE_PARENT = "traceparent";

    private MessageSignature() {
    }

    static String compute(byte[] key, String keyId, String eventType, String eventId, String traceParent, byte[] body) {
        return compute(key, body, keyId, eventType, eventId, traceParent);
    }

    /**
     * The signature a sender of the version before trace headers computed, without the fourth header. Accepted only
     * for a message that carries no trace header, so that messages queued during an upgrade still verify; it can
     * never match a message signed with one, whose fourth length prefix would have to be the first bytes of a body,
     * and a JSON body never starts with a zero byte.
     */
    static String computeWithoutTrace(byte[] key, String keyId, String eventType, String eventId, byte[] body) {
        return compute(key, body, keyId, eventType, eventId);
    }

    private static String compute(byte[] key, byte[] body, String... headers) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            for (String header : headers) {
                byte[] bytes = header.getBytes(StandardCharsets.UTF_8);
                mac.update(lengthOf(bytes));
                mac.update(bytes);
            }
            mac.update(body);
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    /** Compares in constant time, so the time taken tells an attacker nothing about the right signature. */
    static boolean matches(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] lengthOf(byte[] bytes) {
        int length = bytes.length;
        return new byte[] { (byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length };
    }
}
