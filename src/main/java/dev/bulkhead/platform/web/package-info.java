/**
 * Problem details for every error, and the request size limit. Nothing here is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.bulkhead.platform.web;

import org.jspecify.annotations.NullMarked;
