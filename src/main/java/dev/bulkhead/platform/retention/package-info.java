/**
 * Prunes the modules' bookkeeping tables ({@link dev.bulkhead.platform.RetainedTable}) in small batches, on a schedule,
 * once across instances, and shows what it did under {@code /v1/admin/retention} (ADR 0033). Nothing here is null
 * unless marked {@code @Nullable}.
 */
@NullMarked
package dev.bulkhead.platform.retention;

import org.jspecify.annotations.NullMarked;
