/**
 * Published queries across processes: the endpoint that serves them and the clients that call them. Nothing here is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.bulkhead.platform.remote;

import org.jspecify.annotations.NullMarked;
