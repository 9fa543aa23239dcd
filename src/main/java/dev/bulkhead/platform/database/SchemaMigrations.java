package dev.bulkhead.platform.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one Flyway migration set per schema owner, each confined to its own schema and run as the
 * owner's role: the scripts in {@code db/<owner>/} run with that schema as the only one Flyway
 * manages and as the default schema, and the history table {@code flyway_schema_history} lives
 * inside it. An owner's migrations therefore never see another owner's history, and moving a
 * module to its own database takes its history along. Tables the owner role creates are granted
 * to the owner's app role by the default privileges set at provisioning.
 */
class SchemaMigrations {

    static final String HISTORY_TABLE = "flyway_schema_history";

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);

    private final DataSource dataSource;
    private final List<RoleNames> owners;
    private final List<String> appRoles;

    /**
     * @param dataSource connects as a role that may SET ROLE to every owner role
     */
    SchemaMigrations(DataSource dataSource, List<RoleNames> owners) {
        this.dataSource = dataSource;
        this.owners = List.copyOf(owners);
        this.appRoles = owners.stream().map(RoleNames::appRole).toList();
    }

    /**
     * Migrates every owner's schema, side by side: the sets are independent (own schema, own role, own history
     * table, nothing refers to another schema), and most of each run is spent waiting for the database, which is
     * time on the start-up's critical path (ADR 0020). Returns when all are done; fails if any failed.
     */
    void migrateAll() {
        ExecutorService runner = Executors.newFixedThreadPool(owners.size(), new NamedThreads());
        try {
            List<Future<?>> runs = owners.stream().map(owner -> runner.submit(() -> migrate(owner))).collect(Collectors.toList());
            IllegalStateException failure = null;
            for (Future<?> run : runs) {
                try {
                    run.get();
                } catch (ExecutionException e) {
                    RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    if (failure == null) {
                        failure = new IllegalStateException("schema migrations failed: " + cause.getMessage(), cause);
                    } else {
                        failure.addSuppressed(cause);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while migrating schemas", e);
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            runner.shutdownNow();
        }
    }

    private void migrate(RoleNames owner) {
        requireExtensions(dataSource, owner, ProvisioningScript.extensionsOf(owner));
        MigrateResult result = flywayFor(owner).migrate();
        keepHistoryFromAppRoles(owner);
        log.info("Schema {} (db/{}/, as {}): {} migration(s) applied, now at version {}", owner.schema(), owner.owner(),
                owner.ownerRole(), result.migrationsExecuted,
                result.targetSchemaVersion == null ? "-" : result.targetSchemaVersion);
    }

    /**
     * The extensions a module declares are installed by the provisioning step, which a locked-down deployment runs by
     * hand: a database provisioned by an older script lacks them, and the migration that needs one would fail on a name
     * it cannot resolve. Say which and what to do instead.
     */
    static void requireExtensions(DataSource dataSource, RoleNames owner, List<String> extensions) {
        for (String extension : extensions) {
            String schema;
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement query = connection.prepareStatement("SELECT n.nspname FROM pg_extension e "
                            + "JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = ?")) {
                query.setString(1, extension);
                try (ResultSet row = query.executeQuery()) {
                    schema = row.next() ? row.getString(1) : null;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not look for the extension " + extension + ": " + e.getMessage(), e);
            }
            String needed = "the " + owner.owner() + " module needs the PostgreSQL extension " + extension + " in its schema "
                    + owner.schema();
            if (schema == null) {
                throw new IllegalStateException(needed + ", where it is not installed: provision the database again (give "
                        + "Bulkhead administrator credentials, or run the script from 'java -jar bulkhead.jar "
                        + "--print-provisioning-sql' with psql), which installs it there");
            }
            if (!owner.schema().equals(schema)) {
                // provisioning again would not help: an extension lives in one schema, and it stops on this too
                throw new IllegalStateException(needed + ", but it is in " + schema + ": move it (ALTER EXTENSION " + extension
                        + " SET SCHEMA " + owner.schema() + ") or drop it");
            }
        }
    }

    Flyway flywayFor(RoleNames owner) {
        return Flyway.configure()
                .dataSource(dataSource)
                .initSql("SET ROLE " + ProvisioningScript.id(owner.ownerRole()))
                .schemas(owner.schema())
                .defaultSchema(owner.schema())
                .createSchemas(true)
                .table(HISTORY_TABLE)
                .locations("classpath:db/" + owner.owner())
                .failOnMissingLocations(true)
                .load();
    }

    /**
     * The migration history is the owner's business: no app role may read or rewrite it. Instances starting
     * together would otherwise change the table's privileges at the same moment, which PostgreSQL refuses
     * ("tuple concurrently updated"): a lock held until the change commits makes them take turns ({@link AsOwner}).
     */
    void keepHistoryFromAppRoles(RoleNames owner) {
        AsOwner.inTransaction(dataSource, "bulkhead-migration-history:" + owner.schema(), owner.ownerRole(), (connection, statement) ->
                statement.executeUpdate("REVOKE ALL ON TABLE " + ProvisioningScript.id(owner.schema()) + "." + HISTORY_TABLE
                        + " FROM " + String.join(", ", appRoles.stream().map(ProvisioningScript::id).toList())));
    }

    /** Threads named for the log: {@code schema-migration-1} ... */
    private static final class NamedThreads implements ThreadFactory {

        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "schema-migration-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
