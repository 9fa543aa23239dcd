/**
 * Platform: the plumbing every module shares and none owns. It runs each module's Flyway
 * migrations against that module's own schema, turns rejected requests into RFC 9457 problem
 * details, explains start-up failures caused by an unreachable database, runs scheduled jobs once
 * across instances ({@link dev.bulkhead.platform.ClusterLock}), and keeps the event publication
 * registry moving: failed and abandoned deliveries are retried with back-off, parked after too many
 * failures, and shown to operators under {@code /v1/admin/events} with their errors. It owns no
 * business data, reads only the {@code events} schema, and depends on no business module.
 */
@ApplicationModule(displayName = "Platform", allowedDependencies = "kernel")
@NullMarked
package dev.bulkhead.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
