/**
 * Loyalty: owns the points customers have collected. A module that exists only in the test sources, added the
 * way README's "Add a module" says (a package, its declaration, {@code db/loyalty/}), so the tests prove that a
 * new module gets its schema, roles, pool and documentation with no change to the platform. Its data lives in
 * the {@code loyalty} schema; others ask {@link dev.bulkhead.loyalty.LoyaltyApi}.
 */
@ApplicationModule(displayName = "Loyalty", allowedDependencies = { "kernel", "platform" })
@OwnsSchema(LoyaltySchema.NAME)
package dev.bulkhead.loyalty;

import dev.bulkhead.loyalty.internal.LoyaltySchema;
import dev.bulkhead.platform.OwnsSchema;
import org.springframework.modulith.ApplicationModule;
