/**
 * The dashboard module's implementation: not part of its API. Nothing here is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.bulkhead.dashboard.internal;

import org.jspecify.annotations.NullMarked;
