package dev.bulkhead.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.testing.TestDatabase;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * A job that runs longer than its pool's idle-in-transaction timeout keeps its lock (issue 22: the volume rehearsal's
 * jobs run for minutes, and the pools end a session idle in a transaction after 10 s, the lock's session included).
 */
class ClusterLockTests {

    private static final int IDLE_IN_TRANSACTION_TIMEOUT_MS = 300;

    @Test
    void aJobLongerThanTheIdleInTransactionTimeoutKeepsItsLockToTheEnd() throws InterruptedException {
        ClusterLock lock = new ClusterLock(poolWithAShortIdleInTransactionTimeout());
        AtomicBoolean secondRan = new AtomicBoolean();

        boolean ran = lock.runExclusively("long-job", () -> {
            pause(3 * IDLE_IN_TRANSACTION_TIMEOUT_MS);
            // another instance (here: another connection) tries the same job while the first still runs
            secondRan.set(lock.runExclusively("long-job", () -> { }));
        });

        assertThat(ran).isTrue();
        assertThat(secondRan).as("the second run while the first holds the lock").isFalse();
        assertThat(lock.runExclusively("long-job", () -> { })).as("after the first ended, the lock is free").isTrue();
    }

    /** The lock's transaction idles for the whole job: it must not hold a snapshot, which would hold back vacuum meanwhile. */
    @Test
    void theLocksIdleTransactionHoldsNoSnapshotWhileTheJobRuns() {
        DataSource pool = poolWithAShortIdleInTransactionTimeout();
        ClusterLock lock = new ClusterLock(pool);
        AtomicReference<List<String>> holding = new AtomicReference<>();

        lock.runExclusively("watched-job", () -> holding.set(JdbcClient.create(pool).sql("""
                SELECT pid || ': ' || query FROM pg_stat_activity
                WHERE datname = current_database() AND state = 'idle in transaction' AND backend_xmin IS NOT NULL""")
                .query(String.class).list()));

        assertThat(holding.get()).as("idle transactions holding back the xmin horizon").isEmpty();
    }

    /** Every session of this pool is ended by PostgreSQL once idle in a transaction for 300 ms, as a module's pool is. */
    private static DataSource poolWithAShortIdleInTransactionTimeout() {
        TestDatabase.Coordinates database = TestDatabase.newDatabase("cluster-lock");
        String url = database.jdbcUrl() + (database.jdbcUrl().contains("?") ? "&" : "?")
                + "options=-c%20idle_in_transaction_session_timeout%3D" + IDLE_IN_TRANSACTION_TIMEOUT_MS;
        return new SimpleDriverDataSource(new org.postgresql.Driver(), url, database.username(), database.password());
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
