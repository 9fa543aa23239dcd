package dev.bulkhead.platform.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * Whether a verified message is young enough to be accepted, by the send time it was signed with (ADR 0037). A
 * message is accepted only while younger than the message TTL, so the replay guard, which remembers each accepted
 * event id for longer than that, still knows every id a copy could arrive with. A send time further in the future
 * than the clock skew allows is refused too: it would stretch that window. A message without a send time (signed by a
 * version before) cannot be proven young, and is accepted only until the operator's
 * {@code accept-unstamped-until}.
 */
final class MessageAgeLimit {

    private final Duration ttl;
    private final Duration clockSkew;
    private final @Nullable Instant acceptUnstampedUntil;
    private final Clock clock;

    MessageAgeLimit(Duration ttl, Duration clockSkew, @Nullable Instant acceptUnstampedUntil, Clock clock) {
        this.ttl = ttl;
        this.clockSkew = clockSkew;
        this.acceptUnstampedUntil = acceptUnstampedUntil;
        this.clock = clock;
    }

    static MessageAgeLimit of(MessagingProperties properties, Clock clock) {
        return new MessageAgeLimit(properties.messageTtl(), properties.clockSkew(), properties.acceptUnstampedUntil(), clock);
    }

    /** @throws RejectedMessage when the signed send time is unreadable, older than the TTL or too far ahead */
    void checkSentAt(String sentAt) {
        Instant sent;
        try {
            sent = Instant.parse(sentAt);
        } catch (DateTimeParseException e) {
            throw new RejectedMessage(MessageSignature.SENT_AT + " '" + sentAt + "' is not an ISO-8601 instant");
        }
        Instant now = clock.instant();
        if (sent.plus(ttl).isBefore(now)) {
            throw new RejectedMessage("expired: sent at " + sent + ", older than the message TTL " + ttl
                    + " (bulkhead.messaging.message-ttl); its id may no longer be in the replay guard");
        }
        if (sent.minus(clockSkew).isAfter(now)) {
            throw new RejectedMessage("sent at " + sent + ", more than the allowed clock skew " + clockSkew
                    + " (bulkhead.messaging.clock-skew) in the future");
        }
    }

    /** @throws RejectedMessage unless the operator still accepts messages signed without a send time */
    void checkUnstamped() {
        if (acceptUnstampedUntil == null) {
            throw new RejectedMessage("no " + MessageSignature.SENT_AT + " header: signed by a version before send times, "
                    + "its age cannot be proven (bulkhead.messaging.accept-unstamped-until is not set)");
        }
        if (!clock.instant().isBefore(acceptUnstampedUntil)) {
            throw new RejectedMessage("no " + MessageSignature.SENT_AT + " header: signed by a version before send times, "
                    + "accepted only until bulkhead.messaging.accept-unstamped-until " + acceptUnstampedUntil);
        }
    }
}
