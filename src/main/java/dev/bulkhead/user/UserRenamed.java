package dev.bulkhead.user;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;

/** A user's name changed. */
@DomainEvent
public record UserRenamed(UUID eventId, UserId userId, String name, Instant occurredAt) {
}
