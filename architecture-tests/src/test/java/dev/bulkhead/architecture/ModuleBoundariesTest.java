package dev.bulkhead.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import modulith.boundaries.Baseline;
import modulith.boundaries.BoundaryCheck;
import modulith.boundaries.RuleCatalog;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Bulkhead's module boundaries, one rule per test. A failure prints one line per violation with
 * the fix; knowingly accepted ones go to architecture-tests/baseline.txt. Run alone with
 * {@code ./mvnw -Parchitecture test}.
 */
@Tag("architecture")
class ModuleBoundariesTest {

    /** Started first: Spring Modulith imports the classes on its own while the rule engine imports them below. */
    private static final CompletableFuture<ApplicationModules> modules = BulkheadBoundaries.applicationModulesInBackground();

    private static final BoundaryCheck bulkhead = BulkheadBoundaries.check();

    @Test
    void spring_modulith_finds_the_modules_well_formed_and_free_of_cycles() {
        joined(modules).verify();
    }

    @Test
    void a_module_uses_another_module_only_through_its_published_api() {
        bulkhead.assertHolds(RuleCatalog.PUBLISHED_API);
    }

    @Test
    void modules_depend_on_each_other_without_cycles() {
        bulkhead.assertHolds(RuleCatalog.NO_CYCLES);
    }

    @Test
    void no_module_uses_another_modules_repositories_entities_or_database_beans() {
        bulkhead.assertHolds(RuleCatalog.FOREIGN_PERSISTENCE);
    }

    @Test
    void no_entity_holds_another_modules_entity_but_refers_to_it_by_id() {
        bulkhead.assertHolds(RuleCatalog.REFERENCE_BY_ID);
    }

    @Test
    void every_entity_maps_explicitly_to_its_own_modules_schema() {
        bulkhead.assertHolds(RuleCatalog.OWN_SCHEMA_MAPPING);
    }

    @Test
    void no_sql_or_jpql_of_a_module_touches_another_modules_schema() {
        bulkhead.assertHolds(RuleCatalog.OWN_SCHEMA_QUERIES);
    }

    @Test
    void the_migrations_of_a_module_touch_only_its_own_schema() {
        bulkhead.assertHolds(RuleCatalog.OWN_SCHEMA_MIGRATIONS);
    }

    @Test
    void a_modules_synchronous_api_for_other_modules_is_read_only() {
        bulkhead.assertHolds(RuleCatalog.READ_ONLY_API);
    }

    @Test
    void a_listener_lives_in_the_module_whose_state_it_changes() {
        bulkhead.assertHolds(RuleCatalog.LISTENER_HOME);
    }

    @Test
    void event_types_live_in_the_publishing_modules_api_package_and_are_immutable() {
        bulkhead.assertHolds(RuleCatalog.EVENT_TYPES);
    }

    @Test
    void no_module_changes_its_database_identity_search_path_or_privileges() {
        bulkhead.assertHolds(RuleCatalog.DATABASE_IDENTITY);
    }

    @Test
    void every_baseline_entry_gives_a_reason_and_names_a_known_rule() {
        Baseline baseline = bulkhead.baseline();
        assertThat(baseline.problems()).as("malformed baseline entries").isEmpty();
        assertThat(baseline.entries())
                .as("baseline entries naming a rule that does not exist (typo, or a removed rule)")
                .allSatisfy(entry -> assertThat(RuleCatalog.byId(entry.ruleId())).isPresent());
    }

    /** The value, or the failure as thrown on the other thread. */
    private static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException wrapped) {
            if (wrapped.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (wrapped.getCause() instanceof Error failure) {
                throw failure;
            }
            throw wrapped;
        }
    }
}
