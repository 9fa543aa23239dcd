package dev.bulkhead.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
