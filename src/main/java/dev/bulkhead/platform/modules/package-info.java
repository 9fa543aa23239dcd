/**
 * The module model as the platform reads it, and which modules this process hosts. Nothing here is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.bulkhead.platform.modules;

import org.jspecify.annotations.NullMarked;
