/**
 * Large jobs (rebuilds, reconciliations) run a page at a time: each page is read outside any transaction and applied
 * in a short transaction of the job's own module that also moves the job's checkpoint on, so a crash loses nothing
 * and repeats nothing already committed (ADR 0034). Nothing here is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.bulkhead.platform.jobs;

import org.jspecify.annotations.NullMarked;
