package dev.bulkhead.platform.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.bulkhead.loyalty.LoyaltyApi;
import dev.bulkhead.loyalty.internal.Loyalty;
import dev.bulkhead.platform.database.ModuleAccessDeniedException;
import dev.bulkhead.testing.DatabaseInspector;
import dev.bulkhead.testing.IntegrationTest;
import dev.bulkhead.testing.ModuleTransactions;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A new module added the way README's "Add a module" says, and nothing else: {@code dev.bulkhead.loyalty} lives in
 * the test sources (a package with {@code @ApplicationModule} and {@code @OwnsSchema}, an entity, a repository, a
 * published query and {@code db/loyalty/V1__balances.sql}); no platform file knows its name. The running test
 * application must have migrated its schema, provisioned its roles and login, built its pool, routed its code to
 * that pool and fenced it in like any other module. The documentation side is {@code ModuleAdditionDocumentationTests}.
 */
@IntegrationTest
class ModuleAdditionTests {

    @Autowired
    DatabaseInspector database;

    @Autowired
    Loyalty loyalty;

    @Autowired
    LoyaltyApi loyaltyApi;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the_module_model_knows_the_module_and_the_schema_it_declares() {
        assertThat(DeclaredModules.application().named("loyalty")).hasValueSatisfying(module -> {
            assertThat(module.schema()).isEqualTo("loyalty");
            assertThat(module.shared()).isFalse();
        });
        assertThat(DeclaredModules.application().ownerOf(Loyalty.class.getName())).contains("loyalty");
    }

    @Test
    void its_schema_is_migrated_from_its_own_folder_and_owned_by_its_own_owner_role() {
        assertThat(database.count("select count(*) from information_schema.tables where table_schema = 'loyalty' and table_name = 'balances'"))
                .isOne();
        assertThat(database.count("select count(*) from loyalty.flyway_schema_history where success and script = 'V1__balances.sql'"))
                .isOne();
        assertThat(database.sql("select nspowner::regrole::text from pg_namespace where nspname = 'loyalty'").query(String.class).single())
                .isEqualTo("bulkhead_loyalty_owner");
    }

    @Test
    void its_roles_and_login_are_provisioned_and_its_rows_of_the_event_registry_are_fenced() {
        assertThat(database.sql("select rolname from pg_roles where rolname like 'bulkhead\\_loyalty\\_%' order by 1")
                .query(String.class).list()).containsExactly("bulkhead_loyalty_app", "bulkhead_loyalty_login", "bulkhead_loyalty_owner");
        assertThat(database.count("select count(*) from pg_policies where schemaname = 'events' and 'bulkhead_loyalty_app' = any(roles)"))
                .isPositive();
    }

    @Test
    void its_code_runs_on_its_own_pool_as_its_own_login() {
        UUID customer = UUID.randomUUID();
        loyalty.award(customer, 40);
        loyalty.award(customer, 2);

        assertThat(loyaltyApi.pointsOf(customer)).isEqualTo(42);
        assertThat(loyalty.databaseIdentity()).isEqualTo("bulkhead_loyalty_login as bulkhead_loyalty_app");
    }

    @Test
    void its_connections_cannot_read_another_modules_schema() {
        Throwable refused = catchThrowable(() -> new ModuleTransactions(transactions, jdbc)
                .execute("loyalty", "select count(*) from orders.orders"));

        assertThat(refused).isInstanceOf(DataAccessException.class);
        assertThat(refused.getCause()).isInstanceOf(ModuleAccessDeniedException.class)
                .hasMessageContaining("Module loyalty (role bulkhead_loyalty_app) was denied access to schema orders");
    }
}
