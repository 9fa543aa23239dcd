/**
 * User: owns who the customers are. It registers users (email unique regardless of case), renames
 * and deactivates them, and is the source of truth for their profile. Its data lives in the
 * {@code users} schema. Other modules read users through {@link dev.bulkhead.user.UserApi} (one
 * query for many ids) and learn about changes from {@link dev.bulkhead.user.UserRegistered},
 * {@link dev.bulkhead.user.UserRenamed} and {@link dev.bulkhead.user.UserDeactivated}.
 */
@ApplicationModule(displayName = "User", allowedDependencies = { "kernel", "platform" })
@OwnsSchema(UserSchema.NAME)
@NullMarked
package dev.bulkhead.user;

import dev.bulkhead.platform.OwnsSchema;
import dev.bulkhead.user.internal.UserSchema;
import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
