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
 */
final class AsOwner {

    /** The work, given the transaction's connection and a statement on it, already switched to the owner role. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection, Statement statement) throws SQLException;
    }

    private AsOwner() {
    }

    static <T> T inTransaction(DataSource dataSource, String lock, String ownerRole, Work<T> work) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                statement.execute("SELECT pg_advisory_xact_lock(hashtext(" + ProvisioningScript.literal(lock) + "))");
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
            throw new IllegalStateException("could not finish '" + lock + "' as " + ownerRole + ": " + e.getMessage(), e);
        }
    }
}
