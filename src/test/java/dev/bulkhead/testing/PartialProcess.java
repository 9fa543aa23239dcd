package dev.bulkhead.testing;

import dev.bulkhead.BulkheadApplication;
import dev.bulkhead.platform.database.ModuleLogin;
import dev.bulkhead.platform.modules.DeclaredModules;
import java.io.IOException;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application started as a deployment would start it, on a real port and a database of its own,
 * hosting the modules {@code bulkhead.modules} names, without a broker. Roles belong to the whole
 * PostgreSQL server, so each such process takes a role prefix of its own ({@code own} must set
 * {@code bulkhead.database.role-prefix}) and never shares logins with the other test contexts.
 */
public final class PartialProcess {

    private PartialProcess() {
    }

    public static ConfigurableApplicationContext start(TestDatabase.Coordinates database, int port, Map<String, ?> own) {
        return start(database, port, own, new Class<?>[0]);
    }

    /** The same, with test configurations of {@code extra} added to the application's own (recorders, say). */
    public static ConfigurableApplicationContext start(TestDatabase.Coordinates database, int port, Map<String, ?> own,
            Class<?>... extra) {
        Map<String, Object> properties = new HashMap<>(own);
        properties.put("server.port", port);
        properties.put("spring.datasource.url", database.jdbcUrl());
        for (String owner : DeclaredModules.application().schemaByOwner().keySet()) {
            // roles belong to the whole server: the main process's logins are the other tests' logins
            properties.put(ModuleLogin.passwordProperty(owner), TestDatabaseConfiguration.moduleLoginPassword(owner));
        }
        if (database.explicit()) {
            properties.put("spring.datasource.username", database.username());
            properties.put("spring.datasource.password", database.password());
        } else {
            // as in production: an unprivileged login role, the server's administrator only to provision
            // the main test application's login keeps its name; another role prefix gets a login of its own
            Object configuredPrefix = own.get("bulkhead.database.role-prefix");
            String prefix = configuredPrefix == null ? "bulkhead" : configuredPrefix.toString();
            properties.put("spring.datasource.username", prefix.equals("bulkhead") ? TestDatabaseConfiguration.LOGIN_ROLE : prefix + "_login");
            properties.put("spring.datasource.password", randomKey());
            properties.put("bulkhead.database.admin.username", database.username());
            properties.put("bulkhead.database.admin.password", database.password());
        }
        // as command-line arguments, which win over application.properties like a deployment's environment
        String[] arguments = properties.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
        Class<?>[] sources = new Class<?>[extra.length + 1];
        sources[0] = BulkheadApplication.class;
        System.arraycopy(extra, 0, sources, 1, extra.length);
        return new SpringApplicationBuilder(sources).run(arguments);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
