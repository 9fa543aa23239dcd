package dev.bulkhead.platform.messaging;

import dev.bulkhead.platform.observability.TraceParent;
import java.util.Optional;
import java.util.UUID;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;

/**
 * Decides whether an inbound message is a genuine event: signed, by a known key, over exactly this
 * body and these headers, naming an event of the catalog. Replays are caught later, atomically with
 * the delivery ({@link ReceivedMessages}).
 */
final class InboundEventVerifier {

    private final SigningKeys keys;
    private final EventCatalog catalog;

    InboundEventVerifier(SigningKeys keys, EventCatalog catalog) {
        this.keys = keys;
        this.catalog = catalog;
    }

    /**
     * A message that passed: its event type, id, the key that signed it, and the sender's trace context (signed
     * like the rest; absent when the sender had none, or was of the version before trace headers).
     */
    record Verified(Class<?> type, String name, UUID eventId, String keyId, Optional<TraceParent> trace) {
    }

    Verified verify(Message message) {
        MessageProperties properties = message.getMessageProperties();
        String signature = header(properties, MessageSignature.SIGNATURE);
        String keyId = header(properties, MessageSignature.KEY_ID);
        if (signature == null || keyId == null) {
            throw new RejectedMessage("unsigned: no " + MessageSignature.SIGNATURE + " or " + MessageSignature.KEY_ID + " header");
        }
        byte[] key = keys.key(keyId).orElseThrow(() -> new RejectedMessage("signed with unknown key '" + keyId + "'"));
        String name = header(properties, MessageSignature.EVENT_TYPE);
        String eventId = header(properties, MessageSignature.EVENT_ID);
        if (name == null || eventId == null) {
            throw new RejectedMessage("no " + MessageSignature.EVENT_TYPE + " or " + MessageSignature.EVENT_ID + " header");
        }
        String traceParent = header(properties, MessageSignature.TRACE_PARENT);
        String expected = MessageSignature.compute(key, keyId, name, eventId, traceParent == null ? "" : traceParent,
                message.getBody());
        boolean matches = MessageSignature.matches(expected, signature) || traceParent == null && MessageSignature.matches(
                MessageSignature.computeWithoutTrace(key, keyId, name, eventId, message.getBody()), signature);
        if (!matches) {
            throw new RejectedMessage("signature does not match body and headers (tampered, or signed with another secret under key '"
                    + keyId + "')");
        }
        Class<?> type = catalog.typeNamed(name).orElseThrow(() -> new RejectedMessage("unknown event type '" + name + "'"));
        try {
            return new Verified(type, name, UUID.fromString(eventId), keyId, TraceParent.parse(traceParent));
        } catch (IllegalArgumentException e) {
            throw new RejectedMessage("event id '" + eventId + "' is not a UUID");
        }
    }

    private static String header(MessageProperties properties, String name) {
        Object value = properties.getHeaders().get(name);
        return value == null ? null : value.toString();
    }
}
