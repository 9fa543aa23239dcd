package dev.bulkhead.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.springframework.boot.SpringApplication;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The real PostgreSQL that tests and local runs use, chosen once per JVM in this order:
 * <ol>
 * <li>an explicit server from the environment: {@code SPRING_DATASOURCE_URL} (with
 * {@code SPRING_DATASOURCE_USERNAME} and {@code SPRING_DATASOURCE_PASSWORD});</li>
 * <li>a Testcontainers PostgreSQL when a Docker engine answers;</li>
 * <li>otherwise an embedded PostgreSQL started in-process from a Maven artifact.</li>
 * </ol>
 * On a server this class started itself, every {@link #newDatabase} is a fresh, empty database,
 * so test contexts never see each other's rows or events. On an explicit server all callers share
 * the given database.
 */
public final class TestDatabase {

    private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static Server server;
    /** An embedded server of the tests' own, started only when the shared server is an explicit one. */
    private static Server ownServer;
    /** What stops each server started here, each at most once: Spring's shutdown handlers, or {@link #stopServers}. */
    private static final List<Runnable> STOPS = new ArrayList<>();

    private TestDatabase() {
    }

    /** Connection details of the server, for a new database named after {@code purpose} where possible. */
    public static synchronized Coordinates newDatabase(String purpose) {
        if (server == null) {
            server = startServer();
        }
        return server.newDatabase(purpose);
    }

    /**
     * A new database on a server the tests own, for a test that changes the server itself (creates a superuser, edits
     * its authentication rules): the shared server when the tests started it, otherwise (an explicit server from the
     * environment, which is not theirs to change) an embedded server of its own, started once.
     */
    public static synchronized Coordinates newDatabaseOnOwnServer(String purpose) {
        Coordinates shared = newDatabase(purpose);
        if (!shared.explicit()) {
            return shared;
        }
        if (ownServer == null) {
            ownServer = embeddedServer();
        }
        return ownServer.newDatabase(purpose);
    }

    /** Where a test database is and how it was obtained ({@code explicit}, {@code testcontainers} or {@code embedded}). */
    public record Coordinates(String jdbcUrl, String username, String password, String source) {

        /** Whether the server was named by the environment rather than started by the tests. */
        public boolean explicit() {
            return source.startsWith("explicit");
        }
    }

    private interface Server {
        Coordinates newDatabase(String purpose);
    }

    private static Server startServer() {
        String explicitUrl = System.getenv("SPRING_DATASOURCE_URL");
        if (explicitUrl != null && !explicitUrl.isBlank()) {
            Coordinates details = new Coordinates(explicitUrl,
                    envOr("SPRING_DATASOURCE_USERNAME", "postgres"), envOr("SPRING_DATASOURCE_PASSWORD", ""),
                    "explicit (SPRING_DATASOURCE_URL)");
            log.info("Using the PostgreSQL given by SPRING_DATASOURCE_URL: {}", explicitUrl);
            return purpose -> details;
        }
        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
            container.start();
            afterApplicationsClosed(container::stop);
            log.info("Using a Testcontainers PostgreSQL at {}", container.getJdbcUrl());
            return purpose -> createDatabase(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                    purpose, "testcontainers");
        }
        return embeddedServer();
    }

    private static Server embeddedServer() {
        EmbeddedPostgres embedded = startEmbedded();
        afterApplicationsClosed(() -> {
            try {
                embedded.close();
            } catch (IOException ignored) {
                // the JVM is going away; the data directory is temporary anyway
            }
        });
        String adminUrl = embedded.getJdbcUrl("postgres", "postgres");
        log.info("Using an embedded PostgreSQL at {}", adminUrl);
        return purpose -> createDatabase(adminUrl, "postgres", "", purpose, "embedded");
    }

    /**
     * Stops the server only once every Spring application has closed: a plain JVM shutdown hook
     * would race the applications' own hook and leave their pools waiting on a dead server. Spring
     * runs these handlers only once a Spring application has registered its shutdown hook in the JVM;
     * {@link #stopServers} is for a JVM where none does.
     */
    private static void afterApplicationsClosed(Runnable stop) {
        AtomicBoolean stopped = new AtomicBoolean();
        Runnable once = () -> {
            if (stopped.compareAndSet(false, true)) {
                stop.run();
            }
        };
        STOPS.add(once);
        SpringApplication.getShutdownHandlers().add(once);
    }

    /**
     * Stops the servers this JVM started, now. A test JVM in which no Spring application runs (the
     * crash test starts the application as jars of their own) never runs Spring's shutdown handlers,
     * and its embedded server outlived it: one PostgreSQL left running per crash test, until this.
     */
    public static synchronized void stopServers() {
        STOPS.forEach(Runnable::run);
        STOPS.clear();
        server = null;
        ownServer = null;
    }

    private static EmbeddedPostgres startEmbedded() {
        try {
            // Tuned for throw-away test data: durability off, enough connections for several contexts.
            return EmbeddedPostgres.builder()
                    .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "300")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    private static Coordinates createDatabase(String adminUrl, String user, String password, String purpose,
            String source) {
        String name = "bulkhead_" + purpose.toLowerCase().replaceAll("[^a-z0-9]+", "_") + "_" + DATABASES.incrementAndGet();
        try (java.sql.Connection admin = DriverManager.getConnection(adminUrl, user, password);
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        // credentials travel in the coordinates, never in the URL, where the driver would let them override a pool's own login
        String url = adminUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1").replaceAll("([?&])(user|password)=[^&]*&?", "$1")
                .replaceAll("[?&]$", "");
        return new Coordinates(url, user, password, source);
    }

    /** Asks Docker only when there is a sign of an engine: probing costs seconds and logs noise otherwise. */
    private static boolean dockerAvailable() {
        boolean hint = System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
        if (!hint) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
