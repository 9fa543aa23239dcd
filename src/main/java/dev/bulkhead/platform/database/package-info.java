/**
 * Provisioning, migrations, per-module logins, pools and routing, and the connection guard. Nothing here is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.bulkhead.platform.database;

import org.jspecify.annotations.NullMarked;
