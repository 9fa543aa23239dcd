package dev.bulkhead.platform.startup;

import dev.bulkhead.platform.database.ModuleLoginException;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * Replaces the stack-trace wall of a start-up against a missing, unreachable or misconfigured
 * PostgreSQL with one explanation and the settings to check. Registered in
 * {@code META-INF/spring.factories}.
 */
public class DatabaseUnreachableFailureAnalyzer implements FailureAnalyzer {

    private final Environment environment;

    public DatabaseUnreachableFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public @Nullable FailureAnalysis analyze(Throwable failure) {
        if (moduleLoginFailure(failure)) {
            return null; // ModuleLoginFailureAnalyzer names the module and its variable
        }
        SQLException missingRole = missingRole(failure);
        if (missingRole != null) {
            return new FailureAnalysis("The database is not provisioned for Bulkhead: " + firstLine(missingRole.getMessage())
                    + ". Each module runs as its own PostgreSQL role, which must exist before the application starts.",
                    "Either let Bulkhead provision roles, schemas and grants itself by giving it administrator credentials "
                            + "(BULKHEAD_DATABASE_ADMIN_USERNAME and BULKHEAD_DATABASE_ADMIN_PASSWORD), or have a DBA run the "
                            + "script from 'java -jar bulkhead.jar --print-provisioning-sql' with psql once.", failure);
        }
        SQLException sql = connectionFailure(failure);
        if (sql == null) {
            return null;
        }
        String url = environment.getProperty("spring.datasource.url", "(spring.datasource.url is not set)");
        String description = "Bulkhead could not use its PostgreSQL database at " + url + ": " + firstLine(sql.getMessage())
                + " (SQL state " + sql.getSQLState() + ").";
        String action = "Start PostgreSQL or point Bulkhead at a running one: set SPRING_DATASOURCE_URL "
                + "(jdbc:postgresql://host:5432/database), SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD. "
                + "For a local run without any database installed, use ./mvnw spring-boot:test-run, which starts an embedded PostgreSQL.";
        return new FailureAnalysis(description, action, failure);
    }

    /** Connection exceptions (08), bad credentials (28) and unknown databases (3D) mean the database is not usable. */
    private static @Nullable SQLException connectionFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("28")
                            || sql.getSQLState().startsWith("3D"))) {
                return sql;
            }
        }
        return null;
    }

    private static boolean moduleLoginFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ModuleLoginException) {
                return true;
            }
        }
        return false;
    }

    /** SET ROLE to a role that does not exist: the provisioning step has not run. */
    private static @Nullable SQLException missingRole(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "22023".equals(sql.getSQLState()) && sql.getMessage() != null
                    && sql.getMessage().contains("role") && sql.getMessage().contains("does not exist")) {
                return sql;
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
