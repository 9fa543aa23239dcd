package dev.bulkhead.platform.database;

import dev.bulkhead.testing.DatabaseInspector;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.platform.RegistrySchema;
import dev.bulkhead.platform.modules.DeclaredModules;
import dev.bulkhead.testing.IntegrationTest;
import dev.bulkhead.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What the migrations left in the real database: every table in its owner's schema, history per schema, nothing crossing. */
@IntegrationTest
class SchemaOwnershipTests {

    private static final String HISTORY = SchemaMigrations.HISTORY_TABLE;

    @Autowired
    DatabaseInspector jdbc;

    @Autowired
    ProvisioningScript roles;

    @Test
    void each_module_has_its_tables_in_its_own_schema_and_nowhere_else() {
        Map<String, Set<String>> expected = Map.of(
                "users", Set.of(HISTORY, "users"),
                "billing", Set.of(HISTORY, "accounts", "ledger_entries", "payments", "applied_events", "idempotency_keys",
                        "job_checkpoints"),
                "orders", Set.of(HISTORY, "orders", "order_lines", "order_transitions", "applied_events", "idempotency_keys"),
                "order_history", Set.of(HISTORY, "orders", "customers", "applied_events", "projection_state", "orders_alternate",
                        "read_model_tables", "job_checkpoints"),
                "loyalty", Set.of(HISTORY, "balances"), // the module that lives in the test sources
                RegistrySchema.NAME, Set.of(HISTORY, "event_publication", "publication_failures", "received_messages"));

        expected.forEach((schema, tables) -> assertThat(tablesIn(schema)).as("tables in schema %s", schema)
                .containsExactlyInAnyOrderElementsOf(tables));
        assertThat(jdbc.sql("""
                select table_schema || '.' || table_name from information_schema.tables
                where table_schema not in ('pg_catalog', 'information_schema') and table_schema <> all(?)""")
                .param(expected.keySet().toArray(String[]::new)).query(String.class).list())
                .as("tables outside the declared schemas").isEmpty();
        assertThat(DeclaredModules.application().schemaByOwner().values()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    }

    @Test
    void each_schema_keeps_its_own_migration_history_with_every_version_applied_once() {
        for (RoleNames set : roles.owners()) {
            List<Map<String, Object>> history = jdbc.sql("select version, success, count(*) over (partition by version) as times from "
                    + set.schema() + "." + HISTORY + " where version is not null").query().listOfRows();
            assertThat(history).as("history of %s", set.schema()).isNotEmpty().allSatisfy(row -> {
                assertThat(row.get("success")).isEqualTo(true);
                assertThat(((Number) row.get("times")).longValue()).isEqualTo(1);
            });
        }
    }

    @Test
    void migrating_again_as_on_a_restart_applies_nothing() {
        SchemaMigrations migrations = new SchemaMigrations(jdbc.dataSource(), roles.owners());
        for (RoleNames set : roles.owners()) {
            assertThat(migrations.flywayFor(set).migrate().migrationsExecuted).as("re-run of %s", set.schema()).isZero();
            assertThat(migrations.flywayFor(set).info().pending()).isEmpty();
        }
    }

    /**
     * Instances starting together (the crash test restarts two at once) each protect every migration history;
     * PostgreSQL refuses two changes of one table's privileges at the same moment, so they must take turns.
     */
    @Test
    void instances_protecting_the_migration_history_at_the_same_moment_all_succeed() throws Exception {
        SchemaMigrations migrations = new SchemaMigrations(jdbc.dataSource(), roles.owners());
        RoleNames owner = roles.owners().get(0);
        java.util.concurrent.ExecutorService instances = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            for (int round = 0; round < 20; round++) {
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(6);
                List<java.util.concurrent.Future<?>> starts = new java.util.ArrayList<>();
                for (int instance = 0; instance < 6; instance++) {
                    starts.add(instances.submit(() -> {
                        together.await();
                        migrations.keepHistoryFromAppRoles(owner);
                        return null;
                    }));
                }
                for (java.util.concurrent.Future<?> start : starts) {
                    start.get(); // rethrows an instance's failure
                }
            }
        } finally {
            instances.shutdownNow();
        }
    }

    /**
     * The crash test once failed on it: one instance converging the registry's grants and row policies while another
     * protects the registry schema's migration history changed one table's privileges at the same moment. All the
     * owners' start-up work takes turns, whichever kind it is.
     */
    @Test
    void instances_doing_different_start_up_work_on_one_schema_at_the_same_moment_all_succeed() throws Exception {
        SchemaMigrations migrations = new SchemaMigrations(jdbc.dataSource(), roles.owners());
        RegistryRowAccess rowAccess = new RegistryRowAccess(roles.registry(), roles.moduleOwners());
        SchemaPrivileges privileges = new SchemaPrivileges(roles.moduleOwners()); // as DatabaseSetup runs them
        List<java.util.concurrent.Callable<Object>> work = List.of(
                () -> { migrations.keepHistoryFromAppRoles(roles.registry()); return null; },
                () -> { rowAccess.apply(jdbc.dataSource()); return null; },
                () -> privileges.converge(jdbc.dataSource()));
        java.util.concurrent.ExecutorService instances = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            for (int round = 0; round < 15; round++) {
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(6);
                List<java.util.concurrent.Future<?>> starts = new java.util.ArrayList<>();
                for (int instance = 0; instance < 6; instance++) {
                    java.util.concurrent.Callable<Object> step = work.get(instance % work.size());
                    starts.add(instances.submit(() -> {
                        together.await();
                        return step.call();
                    }));
                }
                for (java.util.concurrent.Future<?> start : starts) {
                    start.get(); // rethrows an instance's failure
                }
            }
        } finally {
            instances.shutdownNow();
        }
    }

    @Test
    void a_failing_migration_set_fails_the_whole_run_and_names_its_schema() {
        // the sets run side by side: one without its migrations must still fail migrateAll, after the others ran
        RoleNames missing = new RoleNames("nonexistent", "nonexistent", roles.owners().get(0).ownerRole(),
                roles.owners().get(0).appRole(), roles.owners().get(0).defaultLoginRole());
        List<RoleNames> owners = new java.util.ArrayList<>(roles.owners());
        owners.add(1, missing);
        SchemaMigrations migrations = new SchemaMigrations(jdbc.dataSource(), owners);

        org.assertj.core.api.Assertions.assertThatThrownBy(migrations::migrateAll)
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("db/nonexistent");
        for (RoleNames set : roles.owners()) {
            assertThat(migrations.flywayFor(set).info().pending()).as("pending in %s", set.schema()).isEmpty();
        }
        assertThat(jdbc.sql("select count(*) from pg_namespace where nspname = 'nonexistent'").query(Long.class).single())
                .as("schema left behind by the failed set").isZero();
    }

    @Test
    void a_database_without_a_declared_extension_in_its_module_schema_stops_the_migrations_saying_how_to_provision() throws Exception {
        RoleNames history = roles.owners().stream().filter(owner -> owner.owner().equals("history")).findFirst().orElseThrow();
        assertThat(ProvisioningScript.extensionsOf(history)).containsExactly("pg_trgm");
        // a database a DBA provisioned with the script of a version before the extension was declared
        TestDatabase.Coordinates database = TestDatabase.newDatabase("noext");
        org.postgresql.ds.PGSimpleDataSource dataSource = new org.postgresql.ds.PGSimpleDataSource();
        dataSource.setUrl(database.jdbcUrl());
        dataSource.setUser(database.username());
        dataSource.setPassword(database.password());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SchemaMigrations(dataSource, List.of(history)).migrateAll())
                .hasMessageContaining("the history module needs the PostgreSQL extension pg_trgm in its schema order_history, "
                        + "where it is not installed")
                .hasMessageContaining("--print-provisioning-sql");
        assertThat(new SchemaMigrations(dataSource, List.of(history)).flywayFor(history).info().applied())
                .as("stopped before the first migration").isEmpty();
        try (java.sql.Connection connection = dataSource.getConnection(); java.sql.Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION pg_trgm SCHEMA public");
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SchemaMigrations.requireExtensions(dataSource, history, List.of("pg_trgm")))
                .hasMessageContaining("but it is in public");
        try (java.sql.Connection connection = dataSource.getConnection(); java.sql.Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA order_history");
            statement.execute("ALTER EXTENSION pg_trgm SET SCHEMA order_history");
        }
        SchemaMigrations.requireExtensions(dataSource, history, List.of("pg_trgm"));
    }

    @Test
    void no_foreign_key_or_view_crosses_a_schema() {
        List<String> crossingKeys = jdbc.sql("""
                select c.conname || ': ' || src.nspname || ' -> ' || dst.nspname
                from pg_constraint c
                join pg_class srct on srct.oid = c.conrelid join pg_namespace src on src.oid = srct.relnamespace
                join pg_class dstt on dstt.oid = c.confrelid join pg_namespace dst on dst.oid = dstt.relnamespace
                where c.contype = 'f' and src.nspname <> dst.nspname""").query(String.class).list();
        List<String> crossingViews = jdbc.sql("""
                select view_schema || '.' || view_name || ' -> ' || table_schema || '.' || table_name
                from information_schema.view_table_usage where view_schema <> table_schema""").query(String.class).list();

        assertThat(crossingKeys).isEmpty();
        assertThat(crossingViews).isEmpty();
        assertThat(jdbc.sql("select count(*) from pg_constraint where contype = 'f'").query(Long.class).single())
                .as("the check sees the foreign keys that do exist inside schemas").isPositive();
    }

    private Set<String> tablesIn(String schema) {
        return new TreeSet<>(jdbc.sql("select table_name from information_schema.tables where table_schema = ?")
                .param(schema).query(String.class).list());
    }
}
