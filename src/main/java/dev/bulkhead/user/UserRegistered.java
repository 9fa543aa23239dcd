package dev.bulkhead.user;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;

/** A user registered; carries the profile fields other modules keep copies of. */
@DomainEvent
public record UserRegistered(UUID eventId, UserId userId, String email, String name, Instant occurredAt) {
}
