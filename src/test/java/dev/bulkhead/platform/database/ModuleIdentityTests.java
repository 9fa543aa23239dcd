package dev.bulkhead.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.bulkhead.testing.DatabaseInspector;
import dev.bulkhead.testing.IntegrationTest;
import dev.bulkhead.testing.ModuleTransactions;
import dev.bulkhead.testing.TestDatabaseConfiguration;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each module's connections are its own identity and cannot borrow another (ADR 0025). Every
 * attempt here is sent from the module's own pool, as the module's code would send it, straight to
 * PostgreSQL: this class sits in the provisioning package, which the build's identity rule and the
 * runtime guard let through, so what refuses it is PostgreSQL itself.
 */
@IntegrationTest
class ModuleIdentityTests {

    /**
     * Written out by hand: the graph checked here is not read from the code that grants it. The test application
     * also runs {@code loyalty}, the module that lives in the test sources (ModuleAdditionTests).
     */
    private static final List<String> OWNERS = List.of("events", "user", "billing", "order", "history", "loyalty");

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DatabaseInspector inspector;

    @Test
    void no_pool_can_set_role_to_another_modules_role_or_to_any_owner_role() {
        List<String> allowed = new ArrayList<>();
        int attempts = 0;
        for (String owner : OWNERS) {
            for (String target : OWNERS) {
                List<String> roles = new ArrayList<>(List.of("bulkhead_" + target + "_owner"));
                if (!target.equals(owner)) {
                    roles.add("bulkhead_" + target + "_app");
                    roles.add("bulkhead_" + target + "_login");
                }
                for (String role : roles) {
                    for (String sql : List.of("SET ROLE " + role, "SET LOCAL ROLE " + role, "SET SESSION AUTHORIZATION " + role,
                            "SELECT set_config('role', '" + role + "', true)")) {
                        attempts++;
                        SQLException refused = refusalOf(owner, sql);
                        if (refused == null || !"42501".equals(refused.getSQLState())) {
                            allowed.add(owner + ": " + sql + " -> " + (refused == null ? "allowed" : refused.getMessage()));
                        }
                    }
                }
            }
        }
        assertThat(attempts).as("6 pools x (6 owner roles + 5 other app roles + 5 other logins) x 4 forms").isEqualTo(384);
        assertThat(allowed).as("identity switches PostgreSQL let through").isEmpty();
        assertThat((Throwable) refusalOf("billing", "SET ROLE bulkhead_user_owner"))
                .isInstanceOf(ModuleAccessDeniedException.class)
                .hasMessageContaining("Module billing (role bulkhead_billing_app) was denied access to role bulkhead_user_owner");
    }

    @Test
    void reset_role_leaves_a_login_that_reaches_no_schema_at_all() {
        for (String owner : OWNERS) {
            List<String> reached = reachedAfterReset(owner);
            assertThat(reached).as("schemas the %s login reaches after RESET ROLE", owner).isEmpty();
            assertThat(query(owner, "select current_user")).as("the connection is back in its app role")
                    .isEqualTo("bulkhead_" + owner + "_app");
        }
        SQLException refused = refusalOf("billing", "RESET ROLE; SELECT count(*) FROM billing.accounts");
        assertThat((Throwable) refused).as("after RESET ROLE not even the module's own tables").isNotNull();
        assertThat(refused.getSQLState()).isEqualTo("42501");
    }

    private List<String> reachedAfterReset(String owner) {
        List<String> reached = in(owner).execute(status -> {
            jdbc.execute("RESET ROLE");
            List<String> schemas = jdbc.queryForList("""
                    select nspname from pg_namespace where nspname = any(?::text[])
                      and (has_schema_privilege(current_user, nspname, 'USAGE') or has_schema_privilege(current_user, nspname, 'CREATE'))""",
                    String.class, (Object) new String[] { "events", "users", "billing", "orders", "order_history" });
            String user = jdbc.queryForObject("select current_user", String.class);
            status.setRollbackOnly(); // the pool's connection goes back as the app role
            assertThat(user).isEqualTo("bulkhead_" + owner + "_login");
            return schemas;
        });
        return reached;
    }

    @Test
    void a_search_path_into_another_schema_reaches_nothing_there() {
        // a schema the role may not use drops out of the path: the unqualified name finds nothing
        SQLException refused = refusalOf("billing", "SET LOCAL search_path TO users; SELECT count(*) FROM users");
        assertThat((Throwable) refused).isNotNull().hasMessageContaining("relation \"users\" does not exist");
        assertThat(refused.getSQLState()).isEqualTo("42P01");
    }

    @Test
    void the_role_membership_graph_is_exactly_the_declared_one() {
        Set<String> expected = new TreeSet<>();
        for (String owner : OWNERS) {
            expected.add("bulkhead_" + owner + "_app <- bulkhead_" + owner + "_login");
            expected.add("bulkhead_" + owner + "_owner <- " + TestDatabaseConfiguration.LOGIN_ROLE);
        }
        Set<String> actual = new TreeSet<>(inspector.sql("""
                select r.rolname || ' <- ' || u.rolname from pg_auth_members m
                join pg_roles r on r.oid = m.roleid join pg_roles u on u.oid = m.member
                where not u.rolsuper
                  and (r.rolname like 'bulkhead\\_%' or u.rolname like 'bulkhead\\_%' or r.rolname = ? or u.rolname = ?)""")
                .param(TestDatabaseConfiguration.LOGIN_ROLE).param(TestDatabaseConfiguration.LOGIN_ROLE)
                .query(String.class).list());
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void each_module_login_may_log_in_and_do_nothing_else() {
        for (String owner : OWNERS) {
            Map<String, Object> login = inspector.sql("""
                    select rolcanlogin, rolinherit, rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls
                    from pg_roles where rolname = ?""").param("bulkhead_" + owner + "_login").query().singleRow();
            assertThat(login).as(owner).containsEntry("rolcanlogin", true).containsEntry("rolinherit", false)
                    .containsEntry("rolsuper", false).containsEntry("rolcreaterole", false).containsEntry("rolcreatedb", false)
                    .containsEntry("rolreplication", false).containsEntry("rolbypassrls", false);
        }
    }

    @Test
    void every_pool_logs_in_as_its_modules_own_login_and_no_start_up_connection_stays_open() {
        for (String owner : OWNERS) {
            assertThat(query(owner, "select session_user"))
                    .isEqualTo("bulkhead_" + owner + "_login");
        }
        List<String> users = inspector.sql("""
                select distinct usename from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()""")
                .query(String.class).list();
        assertThat(users).as("who holds connections to the application's database")
                .allMatch(user -> user.matches("bulkhead_(events|user|billing|order|history|loyalty)_login"));
        assertThat(inspector.count("select count(*) from pg_stat_activity where application_name = ?", DatabaseSetup.APPLICATION_NAME))
                .as("start-up connections (provisioning, migrations) still open").isZero();
    }

    private TransactionTemplate in(String owner) {
        return new ModuleTransactions(transactions, jdbc).of(owner.equals("events") ? "platform" : owner);
    }

    private String query(String owner, String sql) {
        String value = in(owner).execute(status -> jdbc.queryForObject(sql, String.class));
        return value;
    }

    /** Runs {@code sql} on the module's connection in a transaction rolled back afterwards; the refusal, or null. */
    private SQLException refusalOf(String owner, String sql) {
        Throwable thrown = catchThrowable(() -> in(owner).executeWithoutResult(status -> {
            status.setRollbackOnly();
            for (String statement : sql.split("; ")) {
                jdbc.execute(statement);
            }
        }));
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException refused) {
                return refused;
            }
        }
        return null;
    }
}
