/**
 * Billing: owns money. It keeps one account per registered user, an append-only ledger of top-ups,
 * charges and refunds, and the balance derived from it, which never goes below zero. It charges
 * whatever a {@link dev.bulkhead.billing.ChargeRequest} asks for and announces the outcome with
 * {@link dev.bulkhead.billing.PaymentCompleted} or {@link dev.bulkhead.billing.PaymentFailed}. Its
 * data lives in the {@code billing} schema, including its own copy of the user fields it needs,
 * kept current from the user module's events; it never reads the {@code users} schema.
 */
@ApplicationModule(displayName = "Billing", allowedDependencies = { "user", "kernel", "platform" })
@OwnsSchema(BillingSchema.NAME)
@NullMarked
package dev.bulkhead.billing;

import dev.bulkhead.billing.internal.BillingSchema;
import dev.bulkhead.platform.OwnsSchema;
import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
