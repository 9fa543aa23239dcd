package dev.bulkhead.platform.web;

import dev.bulkhead.platform.database.DatabaseFailures;
import dev.bulkhead.platform.database.DatabaseUnavailableException;
import dev.bulkhead.platform.database.ModuleOverBudgetException;
import java.io.IOException;
import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.amqp.AmqpConnectException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * A request failed because something it depends on did not answer, not because of anything the client sent or a
 * bug: PostgreSQL unreachable or dropping its connection, a module's statements cancelled by its timeouts, a module's
 * connections all in use, the broker unreachable (ADRs 0006, 0035). Such a request is answered with a 503 problem
 * naming the dependency, and {@code Retry-After}; its transaction wrote nothing, so a retry is safe, and one with the
 * same {@code Idempotency-Key} returns the first answer if the first attempt did commit after all.
 *
 * <p>Recognized anywhere in the chain of causes, because the failure reaches the web layer wrapped differently by
 * each layer it crossed: Hikari's timeout inside Spring's {@code CannotCreateTransactionException}, the driver's
 * I/O error inside Hibernate's {@code JDBCConnectionException} inside Spring's {@code JpaSystemException}, or a
 * failed rollback ("Unable to rollback against JDBC Connection") that replaced the original error. Every other
 * failure keeps its status: a constraint violation stays the client's conflict, a syntax error stays a 500.
 *
 * @param dependency what did not answer: {@code database} or {@code broker}
 * @param module the module whose connection failed, when known
 * @param title the problem's title
 * @param detail the problem's detail
 */
record UnavailableDependency(String dependency, @Nullable String module, String title, String detail,
        Duration retryAfter) {

    static final String DATABASE = "database";
    static final String BROKER = "broker";

    static Optional<UnavailableDependency> of(Throwable failure) {
        boolean dataAccess = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ModuleOverBudgetException overBudget) {
                return Optional.of(new UnavailableDependency(DATABASE, overBudget.module(), "Module busy",
                        "The " + overBudget.module() + " module is busy: all of its database connections are in use. Retry shortly.",
                        overBudget.retryAfter()));
            }
            if (cause instanceof DatabaseUnavailableException unavailable) {
                return Optional.of(unreachable(unavailable.module(), unavailable.retryAfter()));
            }
            if (cause instanceof SQLException sql && DatabaseFailures.connectionLost(sql)) {
                return Optional.of(unreachable(null, Duration.ofSeconds(1)));
            }
            if (cause instanceof SQLException sql && DatabaseFailures.outOfTime(sql)) {
                return Optional.of(new UnavailableDependency(DATABASE, null, "Database too slow",
                        "The database did not answer in time. Retry shortly.", Duration.ofSeconds(1)));
            }
            if (cause instanceof AmqpConnectException) {
                return Optional.of(new UnavailableDependency(BROKER, null, "Broker unavailable",
                        "The message broker is unreachable. Retry shortly.", Duration.ofSeconds(1)));
            }
            dataAccess |= cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException;
            if (dataAccess && cause instanceof IOException) {
                // the connection's socket failed beneath a data access failure, without an SQL state to tell
                return Optional.of(unreachable(null, Duration.ofSeconds(1)));
            }
        }
        return Optional.empty();
    }

    private static UnavailableDependency unreachable(@Nullable String module, Duration retryAfter) {
        return new UnavailableDependency(DATABASE, module, "Database unavailable",
                (module == null ? "The database" : "The " + module + " module's database")
                        + " is unreachable. Retry shortly, with the same Idempotency-Key if the request had one.", retryAfter);
    }

    ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setType(URI.create("about:blank"));
        problem.setTitle(title);
        problem.setProperty("dependency", dependency);
        if (module != null) {
            problem.setProperty("module", module);
        }
        return problem;
    }
}
