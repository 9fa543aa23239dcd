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
 */
public record RetentionWindows(Duration inbox, Duration idempotencyKeys) {

    /** The time before which an idempotency key has expired. */
    public Instant idempotencyKeysExpiredBefore(Instant now) {
        return now.minus(idempotencyKeys);
    }
}
