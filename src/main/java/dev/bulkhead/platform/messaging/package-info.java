/**
 * Events through a broker: signed on the way out, verified and republished on the way in. Nothing here is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.bulkhead.platform.messaging;

import org.jspecify.annotations.NullMarked;
