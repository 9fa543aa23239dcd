/**
 * Start-up failure analysis: one clear message for a database or login that is not ready. Nothing here is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.bulkhead.platform.startup;

import org.jspecify.annotations.NullMarked;
