package dev.bulkhead.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The PostgreSQL a phase uses: embedded (started here, as the tests do with {@code TestDatabase}) or the server
 * named by {@code --db-url}. The phases up to the load share one server, each with a database of its own; the
 * comparison with a baseline starts a durable one per run.
 * The embedded server writes its log to a file, so the statements of one order can be read back.
 */
final class PostgresServer implements AutoCloseable {

    private final String adminUrl;
    private final String user;
    private final String password;
    private final EmbeddedPostgres embedded;
    private final Path logFile;
    private final String description;

    private PostgresServer(String adminUrl, String user, String password, EmbeddedPostgres embedded, Path logFile,
            String description) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
        this.logFile = logFile;
        this.description = description;
    }

    /** Same settings as the test server (ADR 0005): durability off, so we measure CPU work, not this disk. */
    static PostgresServer embedded(Path workDirectory) {
        return embedded(workDirectory.resolve("postgres-log"), false, null);
    }

    /**
     * Durable, as a deployment runs it ({@code fsync}, {@code synchronous_commit} and {@code full_page_writes} on):
     * for the comparison with a baseline, where what a commit costs on this disk is part of what is compared.
     * Each gets a log directory of its own under {@code workDirectory}, named {@code name}.
     */
    static PostgresServer durable(Path workDirectory, String name) {
        return embedded(workDirectory.resolve("postgres-log-" + name), true, null);
    }

    /**
     * Durable, on a data directory that outlives the run: started on what an earlier run left there, if anything (the
     * volume rehearsal's {@code --keep-volume}, to measure again without generating again).
     */
    static PostgresServer durableIn(Path dataDirectory, Path workDirectory, String name) {
        return embedded(workDirectory.resolve("postgres-log-" + name), true, dataDirectory);
    }

    private static PostgresServer embedded(Path logDirectory, boolean durable, Path dataDirectory) {
        String durability = durable ? "on" : "off";
        try {
            Path logs = Files.createDirectories(logDirectory.toAbsolutePath());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (dataDirectory != null) {
                builder.setDataDirectory(Files.createDirectories(dataDirectory.toAbsolutePath())).setCleanDataDirectory(false);
            }
            EmbeddedPostgres server = builder
                    .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                    .setServerConfig("fsync", durability)
                    .setServerConfig("synchronous_commit", durability)
                    .setServerConfig("full_page_writes", durability)
                    .setServerConfig("max_connections", "300")
                    // PostgreSQL's own default unless a run asks for more (-Dbench.pg.shared-buffers=1GB)
                    .setServerConfig("shared_buffers", System.getProperty("bench.pg.shared-buffers", "128MB"))
                    .setServerConfig("shared_preload_libraries", System.getProperty("bench.pg.preload", ""))
                    .setServerConfig("logging_collector", "on")
                    .setServerConfig("log_directory", logs.toString())
                    .setServerConfig("log_filename", "postgres.log")
                    .start();
            String description;
            try (Connection c = server.getPostgresDatabase().getConnection(); Statement statement = c.createStatement()) {
                description = "embedded " + describe(c);
                // set here, not with setServerConfig: pg_ctl passes that through a shell, which eats '|' and spaces
                statement.execute("ALTER SYSTEM SET log_line_prefix = '%m|%p|'");
                // when a checkpoint or an autovacuum ran, to set beside the requests' trace
                statement.execute("ALTER SYSTEM SET log_checkpoints = on");
                statement.execute("ALTER SYSTEM SET log_autovacuum_min_duration = 0");
                if (System.getProperty("bench.pg.preload", "").contains("auto_explain")) {
                    statement.execute("ALTER SYSTEM SET auto_explain.log_min_duration = '50ms'");
                }
                statement.execute("SELECT pg_reload_conf()");
            }
            return new PostgresServer(server.getJdbcUrl("postgres", "postgres"), "postgres", "", server,
                    logs.resolve("postgres.log"), description);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("could not start the embedded PostgreSQL", e);
        }
    }

    /** The version, the durability settings and the buffers as the server reports them, not as we asked for them. */
    private static String describe(Connection connection) throws SQLException {
        StringBuilder settings = new StringBuilder();
        try (Statement statement = connection.createStatement()) {
            for (String setting : new String[] { "fsync", "synchronous_commit", "full_page_writes", "shared_buffers" }) {
                try (java.sql.ResultSet value = statement.executeQuery("SHOW " + setting)) {
                    value.next();
                    settings.append(settings.isEmpty() ? "" : ", ").append(setting).append('=').append(value.getString(1));
                }
            }
        }
        return "PostgreSQL " + connection.getMetaData().getDatabaseProductVersion() + " (" + settings + ")";
    }

    /** A server of your own; its user must be a superuser (the app provisions roles, the bench reads every schema). */
    static PostgresServer external(String url, String user, String password) {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            return new PostgresServer(url, user, password, null, null, describe(c) + " at " + url);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to " + url, e);
        }
    }

    /** A fresh database on the server, dropped first if a previous run left it behind. */
    String newDatabase(String name) {
        try (Connection admin = admin(); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return databaseUrl(name);
    }

    /** A database that exists already on the server. */
    String databaseUrl(String name) {
        return adminUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
    }

    /** Makes the server log every statement of new sessions on this database: for the one-order capture only. */
    void logEveryStatement(String database, boolean on) {
        try (Connection admin = admin(); Statement statement = admin.createStatement()) {
            statement.execute("ALTER DATABASE " + database + (on ? " SET log_statement = 'all'" : " RESET log_statement"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    Connection connect(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    private Connection admin() throws SQLException {
        return connect(adminUrl);
    }

    /** The server log, when this run can read it (embedded server only). */
    Optional<Path> logFile() {
        return Optional.ofNullable(logFile);
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    String description() {
        return description;
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
