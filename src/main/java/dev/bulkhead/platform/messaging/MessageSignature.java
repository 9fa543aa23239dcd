package dev.bulkhead.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA256 of an externalized event: over the key id, the event's name, its id, its send time
 * ({@code bulkhead-sent-at}), its trace context ({@code traceparent}, empty when it has none) and the body's exact
 * bytes, each header length-prefixed so no two different messages hash the same input. A valid signature therefore
 * proves that a holder of the key sent this body under these headers at this time: a changed trace header or send
 * time is tampering like any other (ADRs 0032, 0037).
 * <p>
 * The forms of the versions before are kept for verification only ({@link #computeUnstamped},
 * {@link #computeUnstampedWithoutTrace}). None of the three can pass for another: each has a different number of
 * length-prefixed headers before the body, so reading one form's input as another's puts a length prefix (four bytes,
 * the first of them zero for any header shorter than 16 MiB) at the start of the body, or a JSON body's first byte
 * (an opening brace, 0x7B) at the start of a length prefix, which would announce a header of almost 2 GiB. A JSON body never
 * starts with a zero byte, and the verifier refuses any that does.
 */
final class MessageSignature {

    static final String ALGORITHM = "HmacSHA256";

    /** Headers every externalized message carries. */
    static final String KEY_ID = "bulkhead-key-id";
    static final String SIGNATURE = "bulkhead-signature";
    static final String EVENT_TYPE = "bulkhead-event-type";
    static final String EVENT_ID = "bulkhead-event-id";
    /** When the sender sent the message, ISO-8601 UTC; the receiver refuses it once older than the message TTL. */
    static final String SENT_AT = "bulkhead-sent-at";
    /** The W3C trace context of the span that sent the event, which the receiving process continues. */
    static final String TRACE_PARENT = "traceparent";

    private MessageSignature() {
    }

    /** The signature of this version. */
    static String compute(byte[] key, String keyId, String eventType, String eventId, String sentAt, String traceParent,
            byte[] body) {
        return compute(key, body, keyId, eventType, eventId, sentAt, traceParent);
    }

    /**
     * The signature a sender of the version before send times computed (issue 21): the trace header, empty when
     * absent, but no send time. Verified only for a message without a {@code bulkhead-sent-at} header, and such a
     * message is accepted only while {@code bulkhead.messaging.accept-unstamped-until} lies ahead.
     */
    static String computeUnstamped(byte[] key, String keyId, String eventType, String eventId, String traceParent,
            byte[] body) {
        return compute(key, body, keyId, eventType, eventId, traceParent);
    }

    /** The signature of the version before trace headers: three headers. Same conditions as {@link #computeUnstamped}. */
    static String computeUnstampedWithoutTrace(byte[] key, String keyId, String eventType, String eventId, byte[] body) {
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
