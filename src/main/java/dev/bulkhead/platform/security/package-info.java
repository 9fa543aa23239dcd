/**
 * Bearer tokens, who may call what, and the development token endpoint. Nothing here is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.bulkhead.platform.security;

import org.jspecify.annotations.NullMarked;
