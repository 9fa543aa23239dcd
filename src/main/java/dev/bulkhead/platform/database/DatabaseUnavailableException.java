package dev.bulkhead.platform.database;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

/**
 * A module could not reach PostgreSQL: no connection could be opened in time, or the one it held broke (the server
 * restarted, the network dropped it). Nothing the client sent was wrong and nothing of the failed transaction was
 * written, so the request is answered with a 503 and {@code Retry-After}; the pools open new connections by
 * themselves once the server answers again (ADR 0035). The SQL state of the driver's failure is kept, so that
 * Hibernate and Spring classify it as the connection failure it is.
 */
public class DatabaseUnavailableException extends SQLTransientConnectionException {

    private final String module;

    DatabaseUnavailableException(String module, SQLException cause) {
        super("module " + module + " lost its database connection: " + cause.getMessage(),
                cause.getSQLState() != null ? cause.getSQLState() : "08006", cause);
        this.module = module;
    }

    public String module() {
        return module;
    }

    /** How long a client should wait before it tries again: a restart of PostgreSQL takes seconds. */
    public Duration retryAfter() {
        return Duration.ofSeconds(1);
    }
}
