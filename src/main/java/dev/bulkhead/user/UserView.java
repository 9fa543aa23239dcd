package dev.bulkhead.user;

import java.time.Instant;

/** A user as other modules and clients see it. */
public record UserView(UserId id, String email, String name, boolean active, Instant registeredAt) {
}
