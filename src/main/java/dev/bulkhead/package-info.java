/**
 * The Bulkhead application: its main class. The modules are the packages below. Nothing here is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.bulkhead;

import org.jspecify.annotations.NullMarked;
