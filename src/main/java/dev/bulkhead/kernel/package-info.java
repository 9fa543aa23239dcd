/**
 * Shared kernel: the few value types every module speaks in, such as {@link dev.bulkhead.kernel.Money}.
 * It owns no data, no schema and no behaviour beyond the values themselves.
 */
@ApplicationModule(displayName = "Shared kernel", allowedDependencies = {})
@NullMarked
package dev.bulkhead.kernel;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
