package dev.bulkhead.platform.messaging;

import dev.bulkhead.platform.observability.TraceParent;
import java.util.Optional;
import java.util.UUID;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;

/**
 * Decides whether an inbound message is a genuine event: signed, by a known key, over exactly this
 * body and these headers, naming an event of the catalog, and young enough ({@link MessageAgeLimit}). Replays are
 * caught later, atomically with the delivery ({@link ReceivedMessages}).
 */
final class InboundEventVerifier {

    private final SigningKeys keys;
    private final EventCatalog catalog;
    private final MessageAgeLimit age;

    InboundEventVerifier(SigningKeys keys, EventCatalog catalog, MessageAgeLimit age) {
        this.keys = keys;
        this.catalog = catalog;
        this.age = age;
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
        byte[] body = message.getBody();
        if (body.length > 0 && body[0] == 0) {
            // what a signature of one form read as another's would need (MessageSignature): never a JSON event
            throw new RejectedMessage("body starts with a zero byte: not a JSON event");
        }
        String traceParent = header(properties, MessageSignature.TRACE_PARENT);
        String trace = traceParent == null ? "" : traceParent;
        String sentAt = header(properties, MessageSignature.SENT_AT);
        boolean matches = sentAt != null
                ? MessageSignature.matches(MessageSignature.compute(key, keyId, name, eventId, sentAt, trace, body), signature)
                // signed by a version before send times: with the trace header, or, when there is none, before those too
                : MessageSignature.matches(MessageSignature.computeUnstamped(key, keyId, name, eventId, trace, body), signature)
                        || traceParent == null && MessageSignature.matches(
                                MessageSignature.computeUnstampedWithoutTrace(key, keyId, name, eventId, body), signature);
        if (!matches) {
            throw new RejectedMessage("signature does not match body and headers (tampered, or signed with another secret under key '"
                    + keyId + "')");
        }
        if (sentAt != null) {
            age.checkSentAt(sentAt);
        } else {
            age.checkUnstamped();
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
