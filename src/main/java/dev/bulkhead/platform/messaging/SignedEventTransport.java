package dev.bulkhead.platform.messaging;

import dev.bulkhead.kernel.IntegrationEvent;
import dev.bulkhead.platform.observability.TraceParent;
import io.micrometer.tracing.Tracer;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.support.EventExternalizationTransport;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends an event Spring Modulith externalizes to RabbitMQ as a signed, persistent JSON message, and
 * waits for the broker's publisher confirm: the externalization's publication in the registry
 * completes only once the broker has the message, so a broker outage means a retried publication
 * (ADR 0010), never a lost event. Modulith's own AMQP transport is not used because its body is
 * serialized after any hook could sign it.
 */
final class SignedEventTransport implements EventExternalizationTransport {

    private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(10);

    private final RabbitTemplate rabbit;
    private final JsonMapper json;
    private final SigningKeys keys;
    private final Tracer tracer;
    private final Clock clock;

    SignedEventTransport(@Nullable RabbitTemplate rabbit, JsonMapper json, SigningKeys keys, Tracer tracer, Clock clock) {
        this.rabbit = rabbit;
        this.json = json;
        this.keys = keys;
        this.tracer = tracer;
        this.clock = clock;
    }

    @Override
    public @Nullable CompletableFuture<?> externalize(Object payload, RoutingTarget target) {
        Message message = signedMessage(payload);
        if (rabbit == null) {
            throw new IllegalStateException("a transport made only to sign messages cannot send them");
        }
        rabbit.invoke(channel -> {
            channel.send(target.getTarget(), target.getKey(), message);
            channel.waitForConfirmsOrDie(CONFIRM_TIMEOUT.toMillis());
            return null;
        });
        return CompletableFuture.completedFuture(null);
    }

    /** Signed with the trace context of the span in progress: the externalizer's step, in the publisher's trace. */
    Message signedMessage(Object payload) {
        return signedMessage(payload, TraceParent.current(tracer).orElse(null));
    }

    /**
     * Stamped with the time of this send, not of the event: a publication the registry retries or an operator
     * resubmits is sent again, young, with a new stamp, and the receiver's age check (ADR 0037) measures its time on
     * the broker.
     */
    Message signedMessage(Object payload, @Nullable TraceParent trace) {
        if (!(payload instanceof IntegrationEvent event)) {
            throw new IllegalArgumentException("only integration events are externalized, not " + payload.getClass());
        }
        byte[] body = json.writeValueAsBytes(payload);
        String name = EventCatalog.nameOf(payload.getClass());
        String eventId = event.eventId().toString();
        MessageProperties properties = new MessageProperties();
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        properties.setMessageId(eventId);
        properties.setHeader(MessageSignature.EVENT_TYPE, name);
        properties.setHeader(MessageSignature.EVENT_ID, eventId);
        properties.setHeader(MessageSignature.KEY_ID, keys.activeKeyId());
        String sentAt = clock.instant().toString();
        properties.setHeader(MessageSignature.SENT_AT, sentAt);
        String traceParent = trace == null ? "" : trace.header();
        if (trace != null) {
            properties.setHeader(MessageSignature.TRACE_PARENT, traceParent);
        }
        properties.setHeader(MessageSignature.SIGNATURE,
                MessageSignature.compute(keys.activeKey(), keys.activeKeyId(), name, eventId, sentAt, traceParent, body));
        return new Message(body, properties);
    }
}
