package dev.bulkhead.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Start-up work on a schema that only its owner role may do (privileges, policies), in one
 * transaction on a start-up connection, under a transaction-level advisory lock: instances starting
 * together take turns, since PostgreSQL refuses two concurrent changes of one object's privileges
 * ("tuple concurrently updated").
 *
 * <p>One lock for all such work, not one per task: different tasks change the same objects (the registry's
 * grants cover every table of its schema, the migration history's protection one of them), and a lock per
 * task let an instance converging the registry and another protecting its history collide (the crash test
 * did). The work is a few statements per schema at start-up, so taking turns costs nothing measurable.
 */
final class AsOwner {

    private static final String LOCK = "bulkhead-owner-start-up-work";

    /** The work, given the transaction's connection and a statement on it, already switched to the owner role. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection, Statement statement) throws SQLException;
    }

    private AsOwner() {
    }

    /** @param task what the work is, for the message if it fails */
    static <T> T inTransaction(DataSource dataSource, String task, String ownerRole, Work<T> work) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                statement.execute("SELECT pg_advisory_xact_lock(hashtext(" + ProvisioningScript.literal(LOCK) + "))");
                statement.execute("SET LOCAL ROLE " + ProvisioningScript.id(ownerRole));
                T result = work.run(connection, statement);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not finish '" + task + "' as " + ownerRole + ": " + e.getMessage(), e);
        }
    }
}
