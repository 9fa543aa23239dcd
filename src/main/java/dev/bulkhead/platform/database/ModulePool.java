package dev.bulkhead.platform.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import com.zaxxer.hikari.pool.HikariPool;
import dev.bulkhead.platform.UuidArray;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One schema owner's bulkhead: its own Hikari pool, logged in as the owner's own login role and
 * switched to the owner's app role, whose connections run
 * with the owner's timeouts, behind a semaphore of {@code max-connections} permits. The semaphore
 * decides how long a caller may wait: an HTTP request gives up quickly (and gets a 503), background
 * work waits longer. Other modules' pools are untouched either way.
 */
final class ModulePool implements AutoCloseable {

    /** The least a request waits for the pool once it has a place in the budget: a healthy pool answers in far less. */
    private static final long MIN_POOL_WAIT_MILLIS = 100;

    private final String owner;
    private final RoleNames roles;
    private final DatabaseProperties.Budget budget;
    private final HikariDataSource pool;
    private final Semaphore permits;
    private final Counter rejected;
    private final Counter timedOut;
    private final Counter denied;
    private final Counter statements;
    private final Timer waits;

    ModulePool(RoleNames roles, DatabaseProperties.Budget budget, String url, ModuleLogin login, MeterRegistry meters) {
        this.owner = roles.owner();
        this.roles = roles;
        this.budget = budget;
        this.permits = new Semaphore(budget.maxConnections(), true);
        this.pool = open(config(roles, budget, url, login, meters), login);
        this.rejected = Counter.builder("bulkhead.db.connections.rejected").tag("module", owner)
                .description("Requests refused because the module had no connection left in its budget").register(meters);
        this.timedOut = Counter.builder("bulkhead.db.statements.timed-out").tag("module", owner)
                .description("Statements cancelled by the module's statement_timeout").register(meters);
        this.denied = Counter.builder("bulkhead.db.statements.denied").tag("module", owner)
                .description("Statements PostgreSQL refused with permission denied").register(meters);
        this.statements = Counter.builder("bulkhead.db.statements").tag("module", owner)
                .description("Statements the module prepared or created").register(meters);
        this.waits = Timer.builder("bulkhead.db.connections.wait").tag("module", owner)
                .description("How long callers waited for one of the module's connections (refused ones included)").register(meters);
        Gauge.builder("bulkhead.db.connections.active", permits, p -> budget.maxConnections() - p.availablePermits())
                .tag("module", owner).description("Connections the module holds now").register(meters);
        Gauge.builder("bulkhead.db.connections.idle", pool, p -> p.getHikariPoolMXBean() == null ? 0 : p.getHikariPoolMXBean().getIdleConnections())
                .tag("module", owner).description("Open connections of the module's pool not in use").register(meters);
        Gauge.builder("bulkhead.db.connections.pending", permits, Semaphore::getQueueLength)
                .tag("module", owner).description("Callers waiting for one of the module's connections").register(meters);
        Gauge.builder("bulkhead.db.connections.max", budget, DatabaseProperties.Budget::maxConnections)
                .tag("module", owner).description("The module's connection budget").register(meters);
    }

    /**
     * Starts the pool with one connection opened now (Hikari's fail-fast start), so a wrong password, or a
     * login that may not become its app role, stops the start-up naming the module instead of failing the
     * first request.
     */
    private static HikariDataSource open(HikariConfig config, ModuleLogin login) {
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            SQLException refused = loginFailure(e);
            if (refused != null) {
                throw ModuleLoginException.refused(login, refused);
            }
            throw e;
        }
    }

    /** Invalid authorization (28xxx), or the connection's SET ROLE refused (42501): the login is not what it must be. */
    private static @Nullable SQLException loginFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("28") || sql.getSQLState().equals("42501"))) {
                return sql;
            }
        }
        return null;
    }

    private static HikariConfig config(RoleNames roles, DatabaseProperties.Budget budget, String url, ModuleLogin login,
            MeterRegistry meters) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("bulkhead-" + roles.owner());
        config.setJdbcUrl(JdbcUrlCredentials.strip(url));
        config.setUsername(login.username());
        config.setPassword(login.password());
        config.setMaximumPoolSize(budget.maxConnections());
        config.setMinimumIdle(Math.min(2, budget.maxConnections()));
        // the semaphore already bounds the wait; this only covers a slow server
        config.setConnectionTimeout(Math.max(budget.backgroundAcquireTimeout().toMillis(), 250));
        config.setInitializationFailTimeout(1);
        // A statement whose answer takes twice the statement timeout is not coming: PostgreSQL would have cancelled it.
        // Without this the driver waits for ever on a connection whose network stalled, and so does the request.
        config.addDataSourceProperty("socketTimeout", String.valueOf(socketTimeoutSeconds(budget))); // read as text by the driver
        // ids as binary arrays (UuidArray): the driver sends a uuid[] in binary only where this switches the type on
        config.addDataSourceProperty("binaryTransferEnable", UuidArray.DRIVER_TYPE_NAME);
        config.setConnectionInitSql("SET ROLE " + ProvisioningScript.id(roles.appRole())
                + "; SET statement_timeout = " + budget.statementTimeout().toMillis()
                + "; SET lock_timeout = " + budget.lockTimeout().toMillis()
                + "; SET idle_in_transaction_session_timeout = " + budget.idleInTransactionTimeout().toMillis());
        config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters));
        return config;
    }

    /** Twice the statement timeout (which bounds lock waits too), in the driver's whole seconds, at least one. */
    static int socketTimeoutSeconds(DatabaseProperties.Budget budget) {
        long millis = Math.max(budget.statementTimeout().toMillis(), budget.lockTimeout().toMillis()) * 2;
        return (int) Math.max(1, (millis + 999) / 1000);
    }

    String owner() {
        return owner;
    }

    RoleNames roles() {
        return roles;
    }

    /**
     * A connection of the module's pool. A request waits at most {@code request-acquire-timeout} in all, for a
     * place in the budget and then for the pool to open a connection: while PostgreSQL is unreachable the pool
     * keeps trying for {@code background-acquire-timeout}, which only background work may spend waiting.
     */
    Connection borrow(boolean servingRequest) throws SQLException {
        Duration wait = servingRequest ? budget.requestAcquireTimeout() : budget.backgroundAcquireTimeout();
        long waitingSince = System.nanoTime();
        long deadline = waitingSince + wait.toNanos();
        try {
            boolean acquired = permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
            waits.record(System.nanoTime() - waitingSince, TimeUnit.NANOSECONDS);
            if (!acquired) {
                rejected.increment();
                throw new ModuleOverBudgetException(owner, budget.maxConnections(), wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a connection of module " + owner, e);
        }
        try {
            long left = servingRequest ? Math.max(TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()), MIN_POOL_WAIT_MILLIS)
                    : pool.getConnectionTimeout();
            return GuardedConnection.wrap(hikari().getConnection(left), this);
        } catch (SQLException e) {
            permits.release();
            throw DatabaseFailures.connectionLost(e) && !(e instanceof DatabaseUnavailableException)
                    ? new DatabaseUnavailableException(owner, e) : e;
        } catch (RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    private HikariPool hikari() throws SQLException {
        if (pool.getHikariPoolMXBean() instanceof HikariPool started) {
            return started;
        }
        throw new SQLException("the connection pool of module " + owner + " is closed", "08003");
    }

    void returned() {
        permits.release();
    }

    void statementPrepared() {
        statements.increment();
    }

    void statementTimedOut() {
        timedOut.increment();
    }

    void accessDenied() {
        denied.increment();
    }

    @Override
    public void close() {
        pool.close();
    }
}
