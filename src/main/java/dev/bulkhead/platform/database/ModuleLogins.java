package dev.bulkhead.platform.database;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.util.StringUtils;

/**
 * The login of every schema owner hosted here, from {@code bulkhead.database.logins.<owner>.*},
 * resolved when first needed: after the start-up has reached the database, so an unreachable
 * database is reported before a missing password. Refuses what would let one module borrow
 * another's identity: a missing password, two owners sharing a login, or a module login that is
 * the migration login.
 */
final class ModuleLogins {

    private final DatabaseProperties properties;
    private final List<RoleNames> owners;
    private final String migrationLogin;
    private final ModuleLoginPasswords fallback;
    private List<ModuleLogin> resolved;

    ModuleLogins(DatabaseProperties properties, List<RoleNames> owners, String migrationLogin, ModuleLoginPasswords fallback) {
        this.properties = properties;
        this.owners = List.copyOf(owners);
        this.migrationLogin = migrationLogin;
        this.fallback = fallback;
    }

    synchronized List<ModuleLogin> all() {
        if (resolved == null) {
            resolved = resolve();
        }
        return resolved;
    }

    ModuleLogin of(String owner) {
        return all().stream().filter(login -> login.owner().equals(owner)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no login for schema owner " + owner));
    }

    private List<ModuleLogin> resolve() {
        List<ModuleLogin> logins = new ArrayList<>();
        Map<String, String> ownerByUsername = new HashMap<>();
        for (RoleNames roles : owners) {
            DatabaseProperties.Login configured = properties.getLogins().getOrDefault(roles.owner(), new DatabaseProperties.Login());
            String username = StringUtils.hasText(configured.getUsername()) ? configured.getUsername() : roles.defaultLoginRole();
            String password = StringUtils.hasText(configured.getPassword()) ? configured.getPassword()
                    : Optional.ofNullable(fallback).flatMap(source -> source.passwordOf(roles.owner())).orElse(null);
            if (password == null) {
                throw ModuleLoginException.missingPassword(roles.owner(), username);
            }
            if (username.equals(migrationLogin)) {
                throw ModuleLoginException.unsafe(roles.owner(), "Module " + roles.owner() + " would log in as " + username
                        + ", the login that runs migrations as every owner role.",
                        "Give bulkhead.database.logins." + roles.owner() + ".username a role of its own (default "
                                + roles.defaultLoginRole() + ").");
            }
            String other = ownerByUsername.putIfAbsent(username, roles.owner());
            if (other != null) {
                throw ModuleLoginException.unsafe(roles.owner(), "Modules " + other + " and " + roles.owner()
                        + " would share the login " + username + ", so each could act as the other.",
                        "Give each module its own bulkhead.database.logins.<module>.username.");
            }
            logins.add(new ModuleLogin(roles.owner(), username, password));
        }
        return List.copyOf(logins);
    }
}
