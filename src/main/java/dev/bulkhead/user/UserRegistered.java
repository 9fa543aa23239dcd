package dev.bulkhead.user;

import dev.bulkhead.kernel.IntegrationEvent;
import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;

/** A user registered; carries the profile fields other modules keep copies of. */
@DomainEvent
public record UserRegistered(UUID eventId, UserId userId, String email, String name, Instant occurredAt, int version)
        implements IntegrationEvent {

    public static final int VERSION = 1;

    public UserRegistered(UUID eventId, UserId userId, String email, String name, Instant occurredAt) {
        this(eventId, userId, email, name, occurredAt, VERSION);
    }

    @Override
    public UUID aggregateId() {
        return userId.value();
    }
}
