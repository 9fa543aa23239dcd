/**
 * The order module's implementation: not part of its API. Nothing here is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.bulkhead.order.internal;

import org.jspecify.annotations.NullMarked;
