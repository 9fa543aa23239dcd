package dev.bulkhead.platform.database;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Which failures of a statement say that PostgreSQL is unreachable or too slow, rather than that the statement was
 * wrong (ADR 0035). The first two are answered with 503 and retried; everything else keeps its meaning (a constraint
 * is a client's conflict, a syntax error a bug).
 */
public final class DatabaseFailures {

    /** The server is shutting down or starting ({@code admin_shutdown}, {@code crash_shutdown}, {@code cannot_connect_now}). */
    private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");

    /** The module's {@code statement_timeout} ({@code query_canceled}) or {@code lock_timeout} ({@code lock_not_available}) ran out. */
    private static final Set<String> OUT_OF_TIME = Set.of("57014", "55P03");

    private DatabaseFailures() {
    }

    /**
     * Whether {@code failure} is the connection failing: no connection could be had, or the one in use broke
     * (SQL state class 08, the server going away, or an I/O error beneath the driver's exception).
     */
    public static boolean connectionLost(SQLException failure) {
        String state = failure.getSQLState();
        if (state != null && (state.startsWith("08") || SERVER_GOING_AWAY.contains(state))) {
            return true;
        }
        if (failure instanceof SQLTransientConnectionException || failure instanceof SQLNonTransientConnectionException) {
            return true;
        }
        return failure.getCause() instanceof IOException;
    }

    /** Whether {@code failure} is a statement the module's timeouts cancelled: the database was too slow, or too busy. */
    public static boolean outOfTime(SQLException failure) {
        return failure.getSQLState() != null && OUT_OF_TIME.contains(failure.getSQLState());
    }
}
