package dev.bulkhead.platform.messaging;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Events through RabbitMQ (ADRs 0017, 0019, 0037). Off unless {@code bulkhead.messaging.enabled=true}: without it no
 * AMQP class is configured and no connection is attempted. The connection itself is Spring Boot's
 * ({@code spring.rabbitmq.*}). Signing keys come from the environment or a secret store, never the repo. Each default
 * is here and nowhere else (ADR 0028).
 *
 * @param enabled whether every event of the hosted modules also goes to RabbitMQ, signed, and other modules' events
 *     come from it
 * @param exchange the topic exchange every externalized event goes to, with the event's name as routing key
 * @param queue the queue this process consumes the events of modules it does not host from; by default
 *     {@code bulkhead.<hosted modules>.inbox}. Instances hosting the same modules share it
 * @param signing the HMAC keys that sign and verify the messages
 * @param messageTtl the oldest a message may be, by its signed send time, and still be accepted; also the queue's
 *     {@code x-message-ttl}, after which the broker dead-letters it. At most 24 days (RabbitMQ's 32-bit limit)
 * @param clockSkew how far in the future a message's signed send time may lie, for clocks that disagree
 * @param acceptUnstampedUntil until when messages signed without a send time (by the versions before it) are still
 *     accepted; unset, the default, refuses them. A rolling upgrade sets it to the upgrade's end plus
 *     {@code message-ttl}
 */
@ConfigurationProperties(MessagingProperties.PREFIX)
@Validated
public record MessagingProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue(MessagingProperties.DEFAULT_EXCHANGE) @NotBlank String exchange,
        @Nullable String queue,
        @DefaultValue @Valid Signing signing,
        @DefaultValue("7d") @DurationMin(seconds = 1) @DurationMax(days = 24) Duration messageTtl,
        @DefaultValue("5m") @DurationMin(seconds = 0) @DurationMax(hours = 1) Duration clockSkew,
        @Nullable Instant acceptUnstampedUntil) {

    static final String PREFIX = "bulkhead.messaging";
    public static final String ENABLED = PREFIX + ".enabled";
    static final String EXCHANGE = PREFIX + ".exchange";
    static final String DEFAULT_EXCHANGE = "bulkhead.events";

    /**
     * How long after a message was accepted a copy of it could still pass the age check: sent at most
     * {@link #clockSkew} after its acceptance, it is accepted until {@link #messageTtl} after it was sent. The replay
     * guard ({@code events.received_messages}) must remember an event id at least this long, or a copy arriving later
     * would be applied a second time (ADR 0037).
     */
    public Duration replayWindow() {
        return messageTtl.plus(clockSkew);
    }

    /** The instant before which messages without a signed send time are accepted; empty when they are refused. */
    public Optional<Instant> unstampedAcceptedUntil() {
        return Optional.ofNullable(acceptUnstampedUntil);
    }

    /**
     * HMAC-SHA256 keys by id; the active one signs, any of them verifies, so keys can rotate.
     *
     * @param activeKey the id of the key that signs outgoing messages
     * @param keys key id to secret, Base64, at least 32 bytes ({@code BULKHEAD_MESSAGING_SIGNING_KEYS_<ID>})
     */
    public record Signing(@Nullable String activeKey, @DefaultValue Map<String, String> keys) {
    }
}
