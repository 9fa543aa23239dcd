package dev.bulkhead.platform.database;

import java.util.Optional;

/**
 * Passwords for module logins that configuration does not set. Production has no such bean: there a
 * password missing from configuration stops the start-up. The tests and the local run supply one,
 * so they stay free of configuration.
 */
@FunctionalInterface
public interface ModuleLoginPasswords {

    Optional<String> passwordOf(String owner);
}
