package dev.bulkhead.platform.database;

import dev.bulkhead.platform.RegistrySchema;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The application's one {@link DataSource}: it hands out a connection from the pool of the module
 * whose transaction is beginning (see {@link ModuleTransactionManager}). Work that belongs to no
 * module — Modulith resubmitting publications, health checks — gets the event registry's
 * connection, whose role can touch no module's tables. Because Spring binds the connection to the
 * transaction by this data source, everything in one transaction, including the event registry's
 * insert, shares one connection and commits together.
 */
final class ModuleConnections implements DataSource, AutoCloseable {

    /** Owner of the connections no module transaction asked for. */
    static final String UNATTRIBUTED = RegistrySchema.OWNER;

    private final Map<String, ModulePool> pools = new LinkedHashMap<>();

    ModuleConnections(Iterable<ModulePool> pools) {
        pools.forEach(pool -> this.pools.put(pool.owner(), pool));
    }

    @Override
    public Connection getConnection() throws SQLException {
        // outside a transaction (a repository query called without one), the calling module decides
        String owner = CurrentModule.get().or(CurrentModule::ownerFromCallStack).orElse(UNATTRIBUTED);
        ModulePool pool = pools.get(owner);
        if (pool == null) {
            throw new SQLException("no connection pool for " + owner);
        }
        return pool.borrow(RequestContextHolder.getRequestAttributes() != null);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("module connections always log in as the configured login role");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper for " + type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    @Override
    public @Nullable PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // no driver logging
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // each pool has its own timeouts
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public void close() {
        pools.values().forEach(ModulePool::close);
    }
}
