package dev.bulkhead.platform.database;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;

/** A module asked for more connections than its budget allows and waited as long as it may. */
public class ModuleOverBudgetException extends SQLTransientConnectionException {

    private final String module;
    private final Duration retryAfter;

    ModuleOverBudgetException(String module, int budget, Duration waited) {
        super("module " + module + " is using all " + budget + " of its database connections; gave up after "
                + waited.toMillis() + " ms");
        this.module = module;
        this.retryAfter = Duration.ofSeconds(1);
    }

    public String module() {
        return module;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
