package dev.bulkhead.platform.messaging;

import dev.bulkhead.platform.modules.DeclaredModules;
import dev.bulkhead.platform.observability.ModuleStepContext;
import dev.bulkhead.platform.observability.ModuleSteps;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import dev.bulkhead.kernel.IntegrationEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives the events of modules hosted elsewhere and publishes each one locally, as if its module
 * ran here: the existing {@code @ApplicationModuleListener}s get it through the event publication
 * registry, with their retries and inboxes, and none of them changes. A message that fails
 * verification, names another id in its body than in its signed header, or was received before is
 * logged with the reason and dead-lettered; nothing of it is applied. A message whose database work failed (the
 * database was away) is not acknowledged: the broker delivers it again. One the broker redelivers after it was
 * applied here (its acknowledgement was lost with the connection) is acknowledged and dropped.
 */
final class InboundEvents implements MessageListener {

    private static final Logger log = LoggerFactory.getLogger(InboundEvents.class);

    private final InboundEventVerifier verifier;
    private final ReceivedMessages received;
    private final JsonMapper json;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ModuleSteps steps;

    InboundEvents(InboundEventVerifier verifier, ReceivedMessages received, JsonMapper json,
            ApplicationEventPublisher publisher, TransactionTemplate transactions, Clock clock, ModuleSteps steps) {
        this.steps = steps;
        this.verifier = verifier;
        this.received = received;
        this.json = json;
        this.publisher = publisher;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void onMessage(Message message) {
        try {
            InboundEventVerifier.Verified verified = verifier.verify(message);
            Object event = read(message, verified);
            boolean redelivered = message.getMessageProperties().isRedelivered();
            // in the sender's trace: the local publication stores this step's span, so the listeners continue it
            boolean applied = Boolean.TRUE.equals(receiving(verified).observe(() -> transactions.execute(status -> {
                if (!received.remember(verified.eventId(), verified.name(), verified.keyId(), clock.instant())) {
                    if (redelivered) {
                        return false;
                    }
                    throw new RejectedMessage("replayed: event " + verified.eventId() + " was already received");
                }
                publisher.publishEvent(event);
                return true;
            })));
            if (!applied) {
                // The broker delivers again what it had handed out unacknowledged when a connection broke; only it sets the
                // flag, so this is our own delivery whose acknowledgement was lost after its transaction committed, not a
                // replay someone sent (ADR 0035). Acknowledged without applying anything.
                log.info("Dropped {} {}: redelivered by the broker after it was applied here", verified.name(), verified.eventId());
                return;
            }
            log.debug("Received {} {} signed with key {}", verified.name(), verified.eventId(), verified.keyId());
        } catch (RejectedMessage rejected) {
            log.warn("Rejected message {} from exchange {} with routing key {}: {}; dead-lettered, nothing applied",
                    message.getMessageProperties().getMessageId(), message.getMessageProperties().getReceivedExchange(),
                    message.getMessageProperties().getReceivedRoutingKey(), rejected.getMessage());
            throw new AmqpRejectAndDontRequeueException(rejected.getMessage(), rejected);
        }
    }

    /** The step of receiving an event, for the module that published it, as a child of the sender's span. */
    private Observation receiving(InboundEventVerifier.Verified verified) {
        String module = DeclaredModules.application().moduleOf(verified.type().getName())
                .map(DeclaredModules.DeclaredModule::name).orElse("platform");
        String step = "receive " + verified.name();
        ModuleStepContext context = verified.trace()
                .map(sender -> ModuleStepContext.continuing(module, step, Span.Kind.CONSUMER, sender, List.of()))
                .orElseGet(() -> ModuleStepContext.current(module, step, Span.Kind.CONSUMER, List.of()));
        return steps.observation(context).highCardinalityKeyValue(KeyValue.of("event.id", verified.eventId().toString()));
    }

    private Object read(Message message, InboundEventVerifier.Verified verified) {
        Object event;
        try {
            event = json.readValue(message.getBody(), verified.type());
        } catch (JacksonException e) {
            throw new RejectedMessage("body is not a valid " + verified.name() + ": " + e.getOriginalMessage());
        }
        if (!(event instanceof IntegrationEvent integration) || !integration.eventId().equals(verified.eventId())) {
            throw new RejectedMessage("body's event id differs from the signed header " + verified.eventId());
        }
        return event;
    }
}
