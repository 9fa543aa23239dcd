package dev.bulkhead.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulkhead.kernel.Money;
import dev.bulkhead.order.OrderId;
import dev.bulkhead.order.OrderPlaced;
import dev.bulkhead.platform.observability.TraceParent;
import dev.bulkhead.user.UserId;
import io.micrometer.tracing.Tracer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * The receiver's checks of a message's signature and age (ADR 0037), each attacked: a send time changed or removed,
 * a message older than the TTL or from the future, one of the forms before send times, and a signature of one form
 * passed off as another's. Messages are signed by the real transport with the real key; only the clocks differ.
 */
class InboundEventVerifierTests {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private static final Duration TTL = Duration.ofDays(7);
    private static final Duration SKEW = Duration.ofMinutes(5);
    private static final String KEY_ID = "k1";
    private static final byte[] KEY = new byte[32];
    private static final String TRACE = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    private static final EventCatalog CATALOG = EventCatalog.scan();
    private static final SigningKeys KEYS = SigningKeys.from(
            new MessagingProperties.Signing(KEY_ID, Map.of(KEY_ID, Base64.getEncoder().encodeToString(KEY))));
    private final JsonMapper json = JsonMapper.builder().build();
    private final OrderPlaced event = new OrderPlaced(UUID.randomUUID(), OrderId.of(UUID.randomUUID()),
            UserId.of(UUID.randomUUID()), new Money(1000, "EUR"), NOW);

    @Test
    void aFreshMessageIsAccepted() {
        var verified = verifier(null).verify(sentAt(NOW.minusSeconds(1)));
        assertThat(verified.eventId()).isEqualTo(event.eventId());
        assertThat(verified.trace()).map(TraceParent::header).contains(TRACE);
    }

    @Test
    void aChangedSendTimeFailsTheSignature() {
        Message message = sentAt(NOW.minus(Duration.ofDays(8)));
        // the attacker makes an expired message young again
        message.getMessageProperties().setHeader(MessageSignature.SENT_AT, NOW.toString());
        assertRefused(message, "signature does not match");
    }

    @Test
    void aRemovedSendTimeFailsTheSignatureEvenWhileUnstampedMessagesAreAccepted() {
        Message message = sentAt(NOW);
        message.getMessageProperties().getHeaders().remove(MessageSignature.SENT_AT);
        assertThatThrownBy(() -> verifier(NOW.plus(TTL)).verify(message)).isInstanceOf(RejectedMessage.class)
                .hasMessageContaining("signature does not match");
    }

    @Test
    void aMessageOlderThanTheTtlIsRefusedAndOneJustWithinItAccepted() {
        assertRefused(sentAt(NOW.minus(TTL).minusMillis(1)), "expired: sent at " + NOW.minus(TTL).minusMillis(1));
        assertThat(verifier(null).verify(sentAt(NOW.minus(TTL))).eventId()).isEqualTo(event.eventId());
    }

    @Test
    void aMessageFromFurtherInTheFutureThanTheSkewIsRefusedAndOneWithinItAccepted() {
        assertRefused(sentAt(NOW.plus(SKEW).plusMillis(1)), "more than the allowed clock skew");
        assertThat(verifier(null).verify(sentAt(NOW.plus(SKEW))).eventId()).isEqualTo(event.eventId());
    }

    @Test
    void aSignedSendTimeThatIsNoInstantIsRefused() {
        Message message = sentAt(NOW);
        MessageProperties headers = message.getMessageProperties();
        headers.setHeader(MessageSignature.SENT_AT, "yesterday");
        headers.setHeader(MessageSignature.SIGNATURE, MessageSignature.compute(KEY, KEY_ID, "OrderPlaced",
                event.eventId().toString(), "yesterday", TRACE, message.getBody()));
        assertRefused(message, "'yesterday' is not an ISO-8601 instant");
    }

    @Test
    void messagesOfTheFormsBeforeSendTimesAreRefusedByDefault() {
        assertRefused(unstamped(TRACE), "accept-unstamped-until is not set");
        assertRefused(unstamped(null), "accept-unstamped-until is not set");
    }

    @Test
    void messagesOfTheFormsBeforeSendTimesAreAcceptedOnlyUntilTheOperatorsInstant() {
        Instant until = NOW.plusSeconds(60);
        assertThat(verifier(until).verify(unstamped(TRACE)).trace()).map(TraceParent::header).contains(TRACE);
        assertThat(verifier(until).verify(unstamped(null)).eventId()).isEqualTo(event.eventId());

        assertThatThrownBy(() -> verifier(NOW).verify(unstamped(TRACE))).isInstanceOf(RejectedMessage.class)
                .hasMessageContaining("accepted only until bulkhead.messaging.accept-unstamped-until " + NOW);
        // a form before send times still has to carry its own valid signature
        Message tampered = unstamped(TRACE);
        tampered.getMessageProperties().setHeader(MessageSignature.TRACE_PARENT, TRACE.replace("b7ad", "b7ae"));
        assertThatThrownBy(() -> verifier(until).verify(tampered)).isInstanceOf(RejectedMessage.class)
                .hasMessageContaining("signature does not match");
    }

    /**
     * The attack the zero-byte rule stops: a stamped message re-dressed as one of the form before, its send time moved
     * into the trace header and its trace header, length-prefixed, in front of the body. Both forms then hash the same
     * bytes, so the old signature is valid (checked below); only the body's first byte gives it away.
     */
    @Test
    void aStampedSignatureCannotPassForOneOfTheFormBefore() {
        Message genuine = sentAt(NOW.minus(Duration.ofDays(30)));
        MessageProperties original = genuine.getMessageProperties();
        String sentAt = (String) original.getHeaders().get(MessageSignature.SENT_AT);
        byte[] trace = TRACE.getBytes(StandardCharsets.UTF_8);
        byte[] body = ByteBuffer.allocate(4 + trace.length + genuine.getBody().length).putInt(trace.length).put(trace)
                .put(genuine.getBody()).array();
        MessageProperties forged = new MessageProperties();
        original.getHeaders().forEach(forged::setHeader);
        forged.getHeaders().remove(MessageSignature.SENT_AT);
        forged.setHeader(MessageSignature.TRACE_PARENT, sentAt);
        assertThat(MessageSignature.computeUnstamped(KEY, KEY_ID, "OrderPlaced", event.eventId().toString(), sentAt, body))
                .as("the forgery's signature is valid for the form before").isEqualTo(original.getHeaders().get(MessageSignature.SIGNATURE));

        assertThatThrownBy(() -> verifier(NOW.plus(TTL)).verify(new Message(body, forged))).isInstanceOf(RejectedMessage.class)
                .hasMessageContaining("zero byte");
    }

    // ---------------------------------------------------------------------------------------------

    private void assertRefused(Message message, String reason) {
        assertThatThrownBy(() -> verifier(null).verify(message)).isInstanceOf(RejectedMessage.class).hasMessageContaining(reason);
    }

    private static InboundEventVerifier verifier(@Nullable Instant acceptUnstampedUntil) {
        return new InboundEventVerifier(KEYS, CATALOG,
                new MessageAgeLimit(TTL, SKEW, acceptUnstampedUntil, Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    /** The event as this version sends it, by a sender whose clock reads {@code sentAt}. */
    private Message sentAt(Instant sentAt) {
        return new SignedEventTransport(null, json, KEYS, Tracer.NOOP, Clock.fixed(sentAt, ZoneOffset.UTC))
                .signedMessage(event, TraceParent.parse(TRACE).orElseThrow());
    }

    /** The event as the version before send times sent it: with a trace header, or, before those too, without. */
    private Message unstamped(@Nullable String trace) {
        Message message = sentAt(NOW);
        MessageProperties properties = message.getMessageProperties();
        properties.getHeaders().remove(MessageSignature.SENT_AT);
        String id = event.eventId().toString();
        if (trace == null) {
            properties.getHeaders().remove(MessageSignature.TRACE_PARENT);
            properties.setHeader(MessageSignature.SIGNATURE,
                    MessageSignature.computeUnstampedWithoutTrace(KEY, KEY_ID, "OrderPlaced", id, message.getBody()));
        } else {
            properties.setHeader(MessageSignature.SIGNATURE,
                    MessageSignature.computeUnstamped(KEY, KEY_ID, "OrderPlaced", id, trace, message.getBody()));
        }
        return message;
    }
}
