package dev.bulkhead.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded PostgreSQL of one test's own that the test can restart underneath the application, as an operator
 * restarts a server: stopped with {@code pg_ctl stop -m fast} (every session is terminated, new connections are
 * refused), then started again on the same port from the same data directory. The shared server of
 * {@link TestDatabase} cannot be restarted: every other test context of the JVM uses it.
 */
public final class RestartablePostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RestartablePostgres.class);

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres server;

    public RestartablePostgres() {
        try {
            this.dataDirectory = Files.createTempDirectory("bulkhead-restartable-pg");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.port = PartialProcess.freePort();
        this.server = start();
    }

    /** A new, empty database on this server. */
    public synchronized TestDatabase.Coordinates newDatabase(String name) {
        try (Connection admin = DriverManager.getConnection(server.getJdbcUrl("postgres", "postgres"), "postgres", "");
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return new TestDatabase.Coordinates("jdbc:postgresql://localhost:" + port + "/" + name, "postgres", "", "embedded (restartable)");
    }

    /** Stops the server (terminating every session), keeps it down for {@code down}, and starts it again. */
    public synchronized void restart(Duration down) {
        long stopping = System.nanoTime();
        stop();
        log.info("PostgreSQL on port {} stopped in {} ms", port, (System.nanoTime() - stopping) / 1_000_000);
        try {
            Thread.sleep(down.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long starting = System.nanoTime();
        server = start();
        log.info("PostgreSQL on port {} started again in {} ms", port, (System.nanoTime() - starting) / 1_000_000);
    }

    @Override
    public synchronized void close() {
        stop();
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory: the system cleans it up eventually
        }
    }

    private void stop() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop PostgreSQL", e);
        }
    }

    private EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false) // the second start finds the first one's data
                    .setPort(port)
                    .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "100")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL on port " + port, e);
        }
    }
}
