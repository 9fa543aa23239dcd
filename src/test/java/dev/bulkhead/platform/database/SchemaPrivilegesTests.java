package dev.bulkhead.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.bulkhead.testing.DatabaseInspector;
import dev.bulkhead.testing.IntegrationTest;
import dev.bulkhead.testing.ModuleTransactions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A migration that got past the build and gave away its module's data is undone by the start-up
 * that follows it. The careless migration is played here as user's owner role, exactly as Flyway
 * runs one; then the convergence every start-up runs after migrating.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SchemaPrivilegesTests {

    @Autowired
    DatabaseInspector inspector;

    @Autowired
    ProvisioningScript script;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void grants_default_privileges_and_security_definer_functions_of_a_migration_are_taken_back(CapturedOutput output) {
        actAsUsersOwner("GRANT USAGE ON SCHEMA users TO bulkhead_order_app");
        actAsUsersOwner("GRANT SELECT ON users.users TO bulkhead_order_app");
        actAsUsersOwner("ALTER DEFAULT PRIVILEGES FOR ROLE bulkhead_user_owner IN SCHEMA users GRANT SELECT ON TABLES TO bulkhead_order_app");
        actAsUsersOwner("CREATE FUNCTION users.leak() RETURNS bigint LANGUAGE sql SECURITY DEFINER AS 'select count(*) from users.users'");
        try {
            assertThat(orderReadsUsers()).as("the hole is real before the convergence").isNull();

            List<String> undone = new SchemaPrivileges(script.moduleOwners()).converge(inspector.dataSource());

            assertThat(undone).hasSize(4).anyMatch(revoke -> revoke.startsWith("REVOKE ALL ON TABLE users.users FROM bulkhead_order_app"))
                    .anyMatch(revoke -> revoke.equals("ALTER FUNCTION users.leak() SECURITY INVOKER"));
            Throwable refused = orderReadsUsers();
            assertThat(refused).isNotNull().rootCause().hasMessageContaining("permission denied for schema users");
            assertThat(inspector.count("select count(*) from pg_proc where proname = 'leak' and prosecdef")).isZero();
            assertThat(inspector.count("""
                    select count(*) from pg_default_acl d cross join aclexplode(d.defaclacl) a
                    where d.defaclrole = 'bulkhead_user_owner'::regrole and a.grantee = 'bulkhead_order_app'::regrole""")).isZero();
            assertThat(output).contains("Boundary violation: a migration of schema users (db/user/) gave away what only its module may have");
            assertThat(new SchemaPrivileges(script.moduleOwners()).converge(inspector.dataSource()))
                    .as("a second run finds nothing left").isEmpty();
        } finally {
            actAsUsersOwner("DROP FUNCTION IF EXISTS users.leak()");
        }
    }

    private void actAsUsersOwner(String sql) {
        inspector.sql("SET ROLE bulkhead_user_owner; " + sql + "; RESET ROLE").update();
    }

    private Throwable orderReadsUsers() {
        return catchThrowable(() -> new ModuleTransactions(transactions, jdbc).of("order")
                .executeWithoutResult(status -> jdbc.queryForList("select email from users.users")));
    }
}
