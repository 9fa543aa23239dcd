/**
 * Order history: a read model (CQRS projection) of every order with its customer's name and email
 * and what billing did with its money, searchable by customer, status and date for support staff
 * and reports. It owns the {@code order_history} schema, is fed only by the user, order and billing
 * modules' events, remembers the last event it applied, and can be rebuilt at any time from those
 * modules' published APIs. A reconciliation compares it with them and repairs drift.
 */
@ApplicationModule(displayName = "Order history", allowedDependencies = { "user", "order", "billing", "kernel", "platform" })
@OwnsSchema(value = HistorySchema.NAME, extensions = "pg_trgm")
@NullMarked
package dev.bulkhead.history;

import dev.bulkhead.history.internal.HistorySchema;
import dev.bulkhead.platform.OwnsSchema;
import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
