package dev.bulkhead.user;

import dev.bulkhead.kernel.IntegrationEvent;
import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;

/** A user's name changed. */
@DomainEvent
public record UserRenamed(UUID eventId, UserId userId, String name, Instant occurredAt, int version)
        implements IntegrationEvent {

    public static final int VERSION = 1;

    public UserRenamed(UUID eventId, UserId userId, String name, Instant occurredAt) {
        this(eventId, userId, name, occurredAt, VERSION);
    }

    @Override
    public UUID aggregateId() {
        return userId.value();
    }
}
