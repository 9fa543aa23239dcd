package dev.bulkhead.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulkhead.platform.database.ModuleAccessDeniedException;
import dev.bulkhead.testing.TightBudgetsTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Billing code that strays into the users schema is stopped by PostgreSQL itself, and the error
 * names the module, the schema and the code that sent the statement. This runs without the test
 * suite's static SQL guard, so the database is the one that refuses.
 */
@TightBudgetsTest
@ExtendWith(OutputCaptureExtension.class)
class StrayStatementTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void billing_reading_the_users_schema_gets_permission_denied_naming_module_schema_and_origin(CapturedOutput output) {
        assertThatThrownBy(this::readUsersFromBilling)
                .rootCause().isInstanceOf(org.postgresql.util.PSQLException.class);
        assertThatThrownBy(this::readUsersFromBilling).satisfies(thrown -> {
            ModuleAccessDeniedException denied = cause(thrown);
            assertThat(denied.module()).isEqualTo("billing");
            assertThat(denied.schema()).isEqualTo("users");
            assertThat(denied.origin()).contains("StrayStatementTests.lambda$readUsersFromBilling");
            assertThat(denied.getSQLState()).isEqualTo("42501");
        });
        assertThat(output).contains("Boundary violation: Module billing (role bulkhead_billing_app) was denied access to schema users");
    }

    private void readUsersFromBilling() {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setName(StrayStatementTests.class.getName() + ".readUsersFromBilling");
        template.executeWithoutResult(status -> jdbc.queryForList("select email from users.users"));
    }

    private static ModuleAccessDeniedException cause(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof ModuleAccessDeniedException denied) {
                return denied;
            }
        }
        throw new AssertionError("no ModuleAccessDeniedException in " + thrown);
    }
}
