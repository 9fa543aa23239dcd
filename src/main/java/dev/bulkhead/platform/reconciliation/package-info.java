/**
 * Runs the modules' reconciliations on a schedule and on request. Nothing here is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.bulkhead.platform.reconciliation;

import org.jspecify.annotations.NullMarked;
