/**
 * Platform: the plumbing every module shares and none owns. It runs each module's Flyway
 * migrations against that module's own schema, turns rejected requests into RFC 9457 problem
 * details, and explains start-up failures caused by an unreachable database. It owns no business
 * data and depends on no business module.
 */
@ApplicationModule(displayName = "Platform")
package dev.bulkhead.platform;

import org.springframework.modulith.ApplicationModule;
