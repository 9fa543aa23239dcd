package dev.bulkhead.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.bulkhead.testing.DatabaseInspector;
import dev.bulkhead.testing.IntegrationTest;
import dev.bulkhead.testing.ModuleTransactions;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The shared event registry holds per module (ADR 0025): from each module's own pool, a module may
 * record a publication for any listener, but reads, completes, changes and deletes only its own
 * listeners' rows; the platform's role sees every row. The probes are rows of listeners that do not
 * exist, marked by this run, already completed so no job delivers them, and removed afterwards.
 */
@IntegrationTest
class RegistryRowAccessTests {

    private static final List<String> MODULES = List.of("user", "billing", "order", "history");

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DatabaseInspector inspector;

    private final String probe = "Probe" + UUID.randomUUID().toString().replace("-", "");

    @BeforeEach
    void onePublicationAndOneFailurePerModuleAndOneOfThePlatform() {
        for (String module : List.of("user", "billing", "order", "history", "platform")) {
            inspector.sql("""
                    insert into events.event_publication (id, listener_id, event_type, serialized_event, publication_date,
                        completion_date, status, completion_attempts)
                    values (?, ?, 'dev.bulkhead.ProbeEvent', '{}', now(), now(), 'COMPLETED', 1)""")
                    .param(UUID.randomUUID()).param(listener(module)).update();
            inspector.sql("insert into events.publication_failures (event_id, listener_id, failed_at, error) values (?, ?, now(), 'probe')")
                    .param(UUID.randomUUID()).param(listener(module)).update();
        }
    }

    @AfterEach
    void removeTheProbes() {
        inspector.sql("delete from events.event_publication where listener_id like ?").param("%" + probe + "%").update();
        inspector.sql("delete from events.publication_failures where listener_id like ?").param("%" + probe + "%").update();
    }

    @Test
    void row_level_security_is_on_for_the_registry_tables_modules_share() {
        assertThat(inspector.sql("""
                select relname from pg_class where relnamespace = 'events'::regnamespace and relrowsecurity order by 1""")
                .query(String.class).list()).containsExactly("event_publication", "publication_failures");
    }

    @Test
    void a_module_reads_only_its_own_listeners_publications_and_failures() {
        for (String module : MODULES) {
            assertThat(list(module, "select listener_id from events.event_publication where listener_id like ?", "%" + probe + "%"))
                    .as("publications %s sees", module).containsExactly(listener(module));
            assertThat(list(module, "select listener_id from events.publication_failures where listener_id like ?", "%" + probe + "%"))
                    .as("failures %s sees", module).containsExactly(listener(module));
        }
    }

    @Test
    void a_module_completes_changes_and_deletes_only_its_own_listeners_publications() {
        for (String module : MODULES) {
            String like = "%" + probe + "%";
            int completed = update(module,
                    "update events.event_publication set completion_date = now(), status = 'COMPLETED' where listener_id like ?", like);
            int changed = update(module,
                    "update events.event_publication set listener_id = listener_id || 'x' where listener_id like ? and listener_id <> ?",
                    like, listener(module));
            int deleted = update(module,
                    "delete from events.event_publication where listener_id like ? and listener_id <> ?", like, listener(module));
            assertThat(List.of(completed, changed, deleted)).as("rows %s completed / changed / deleted", module)
                    .containsExactly(1, 0, 0);
        }
        assertThat(inspector.count("select count(*) from events.event_publication where listener_id like ?", "%" + probe + "%"))
                .isEqualTo(5);
    }

    @Test
    void a_module_cannot_move_its_own_row_to_another_modules_listener() {
        SQLException refused = refusalOf("billing", "update events.event_publication set listener_id = '" + listener("user")
                + "' where listener_id = '" + listener("billing") + "'");
        assertThat((Throwable) refused).isInstanceOf(ModuleAccessDeniedException.class);
        assertThat(refused.getMessage()).contains("Module billing (role bulkhead_billing_app) was denied access to rows of table event_publication")
                .contains("row-level security");
    }

    @Test
    void a_module_records_publications_for_any_listener_but_failures_only_for_its_own() {
        in("billing").executeWithoutResult(status -> jdbc.update("""
                insert into events.event_publication (id, listener_id, event_type, serialized_event, publication_date,
                    completion_date, status, completion_attempts)
                values (?, ?, 'dev.bulkhead.ProbeEvent', '{}', now(), now(), 'COMPLETED', 1)""",
                UUID.randomUUID(), listener("order") + "Published"));
        assertThat(inspector.count("select count(*) from events.event_publication where listener_id = ?", listener("order") + "Published"))
                .isEqualTo(1);

        SQLException refused = refusalOf("billing", "insert into events.publication_failures (event_id, listener_id, failed_at, error) "
                + "values (gen_random_uuid(), '" + listener("order") + "', now(), 'forged')");
        assertThat((Throwable) refused).isNotNull();
        assertThat(refused.getMessage()).contains("row-level security");
    }

    @Test
    void no_module_touches_the_platforms_broker_replay_table() {
        for (String module : MODULES) {
            SQLException refused = refusalOf(module, "select count(*) from events.received_messages");
            assertThat((Throwable) refused).as(module).isInstanceOf(ModuleAccessDeniedException.class)
                    .hasMessageContaining("Module " + module + " (role bulkhead_" + module + "_app) was denied access to table received_messages");
            assertThat(refused.getSQLState()).isEqualTo("42501");
        }
        assertThat(list("platform", "select count(*)::text from events.received_messages")).hasSize(1);
    }

    @Test
    void the_platforms_role_sees_and_changes_every_modules_rows() {
        assertThat(list("platform", "select listener_id from events.event_publication where listener_id like ?", "%" + probe + "%"))
                .hasSize(5);
        assertThat(update("platform", "update events.publication_failures set error = 'seen' where listener_id like ?", "%" + probe + "%"))
                .isEqualTo(5);
    }

    private String listener(String module) {
        return "dev.bulkhead." + module + ".internal." + probe + ".on(dev.bulkhead.ProbeEvent)";
    }

    /** A transaction of the module's own code; {@code platform} gets the platform's (registry's) connection. */
    private TransactionTemplate in(String module) {
        return new ModuleTransactions(transactions, jdbc).of(module);
    }

    private List<String> list(String module, String sql, Object... args) {
        List<String> rows = in(module).execute(status -> jdbc.queryForList(sql, String.class, args));
        return rows;
    }

    private int update(String module, String sql, Object... args) {
        Integer rows = in(module).execute(status -> jdbc.update(sql, args));
        return rows;
    }

    private SQLException refusalOf(String module, String sql) {
        Throwable thrown = catchThrowable(() -> in(module).executeWithoutResult(status -> jdbc.execute(sql)));
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException refused) {
                return refused;
            }
        }
        return null;
    }
}
