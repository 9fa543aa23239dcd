package dev.bulkhead.user;

import dev.bulkhead.kernel.IntegrationEvent;
import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;

/** A user was deactivated: no new orders or payments for them. */
@DomainEvent
public record UserDeactivated(UUID eventId, UserId userId, Instant occurredAt, int version) implements IntegrationEvent {

    public static final int VERSION = 1;

    public UserDeactivated(UUID eventId, UserId userId, Instant occurredAt) {
        this(eventId, userId, occurredAt, VERSION);
    }

    @Override
    public UUID aggregateId() {
        return userId.value();
    }
}
