package dev.bulkhead.user;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;

/** A user was deactivated: no new orders or payments for them. */
@DomainEvent
public record UserDeactivated(UUID eventId, UserId userId, Instant occurredAt) {
}
