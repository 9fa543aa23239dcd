package dev.bulkhead.platform;

import java.time.Duration;
import java.time.Instant;

/**
 * How long the modules keep their bookkeeping rows (ADR 0033), as configured ({@code bulkhead.retention.*},
 * {@code bulkhead.idempotency.window}); a module reads its windows here when it declares its {@link RetainedTable}s.
 *
 * @param inbox how long an inbox mark (an applied event's id) is kept: longer than any redelivery can arrive, which
 *     the start-up checks against the retry settings
 * @param idempotencyKeys how long an {@code Idempotency-Key} is remembered; after it the same key is a new request
 * @param receivedMessages how long the id of a message accepted from the broker is remembered to refuse a replay;
 *     longer than the broker's messages can still be accepted, which the start-up checks when messaging is on
 */
public record RetentionWindows(Duration inbox, Duration idempotencyKeys, Duration receivedMessages) {

    /** The time before which an idempotency key has expired. */
    public Instant idempotencyKeysExpiredBefore(Instant now) {
        return now.minus(idempotencyKeys);
    }
}
