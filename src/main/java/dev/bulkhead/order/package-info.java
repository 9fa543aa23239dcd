/**
 * Order: owns what customers ordered and where each order stands. It accepts orders from active
 * users (asking {@link dev.bulkhead.user.UserApi}, never the {@code users} schema), announces them
 * with {@link dev.bulkhead.order.OrderPlaced} — which billing understands as a
 * {@link dev.bulkhead.billing.ChargeRequest} — and moves each order to PAID or PAYMENT_FAILED when
 * billing's outcome event arrives, keeping every transition as a timeline. Its data lives in the
 * {@code orders} schema.
 */
@ApplicationModule(displayName = "Order", allowedDependencies = { "user", "billing", "kernel", "platform" })
@OwnsSchema(OrderSchema.NAME)
@NullMarked
package dev.bulkhead.order;

import dev.bulkhead.order.internal.OrderSchema;
import dev.bulkhead.platform.OwnsSchema;
import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
