/**
 * The event publication registry's retries, parking, completion and operations view. Nothing here is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.bulkhead.platform.events;

import org.jspecify.annotations.NullMarked;
