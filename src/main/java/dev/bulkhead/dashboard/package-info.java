/**
 * Dashboard: composes one customer's screen from the user, billing and order modules' published
 * APIs (API composition, a backend for the frontend). It owns no data and no schema; it asks the
 * three modules in parallel, gives each its own timeout and the whole answer a deadline, and marks
 * a part unavailable, with the reason, instead of failing the whole screen.
 */
@ApplicationModule(displayName = "Dashboard", allowedDependencies = { "user", "billing", "order", "kernel", "platform" })
@NullMarked
package dev.bulkhead.dashboard;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
