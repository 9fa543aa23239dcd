package dev.bulkhead.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Runs a job on one instance at a time across every copy of Bulkhead that shares the database,
 * with a PostgreSQL transaction-level advisory lock named after the job (ADR 0013). The lock lives
 * in a transaction on a connection of its own, held while the job runs; the job's work uses other
 * connections. When an instance dies, PostgreSQL ends its session and the lock is free again at once:
 * there is no lease to expire and no lock table to clean.
 */
@Component
public class ClusterLock {

    private static final Logger log = LoggerFactory.getLogger(ClusterLock.class);

    private final DataSource dataSource;

    ClusterLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Runs {@code job} unless another instance (or thread) is running the job of the same name.
     *
     * @return whether this call ran it
     */
    public boolean runExclusively(String jobName, Runnable job) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!tryLock(connection, jobName)) {
                    log.debug("Job {} is running elsewhere; skipping this turn", jobName);
                    return false;
                }
                keepWhileTheJobRuns(connection);
                job.run();
                return true;
            } finally {
                connection.rollback(); // ends the lock's transaction, which releases the lock
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("could not take or release the lock of job " + jobName, e);
        }
    }

    /**
     * The lock's transaction is idle for as long as the job works, by design: the pools end any session idle in a
     * transaction longer than their budget (10 s by default), which would end the lock with it, let a second instance
     * run the same job, and fail the first at its rollback. Found by the volume rehearsal (issue 22), where jobs run
     * for minutes. Only for this transaction.
     *
     * <p>Sent after the lock's query, as the transaction's last statement, on purpose: the driver's extended protocol
     * keeps the last statement's portal open until the next one, and the lock query's portal holds its snapshot, which
     * would hold back every vacuum of the database (the xmin horizon) for as long as the job runs. A {@code SET} needs
     * no snapshot, so after it the idle transaction holds none: its length costs the database nothing.
     */
    private static void keepWhileTheJobRuns(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("set local idle_in_transaction_session_timeout = 0");
        }
    }

    private static boolean tryLock(Connection connection, String jobName) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select pg_try_advisory_xact_lock(hashtextextended(?, 0))")) {
            statement.setString(1, "bulkhead.job." + jobName);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }
}
