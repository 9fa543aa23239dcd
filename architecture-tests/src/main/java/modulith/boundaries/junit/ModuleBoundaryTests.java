package modulith.boundaries.junit;

import java.util.List;
import modulith.boundaries.Baseline;
import modulith.boundaries.BoundaryCheck;
import modulith.boundaries.BoundaryConfiguration;
import modulith.boundaries.RuleCatalog;
import modulith.boundaries.Violation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every boundary rule as one test each, named as its sentence: a Spring Modulith project extends this class once in
 * its test sources and says which application it is.
 *
 * <pre>
 * class ModuleBoundariesTest extends ModuleBoundaryTests {
 *
 *     &#64;Override
 *     protected BoundaryConfiguration configuration() {
 *         return BoundaryConfiguration.of(ShopApplication.class);
 *     }
 * }
 * </pre>
 *
 * A failure prints one line per violation with the place and the fix; knowingly accepted ones go to the baseline
 * ({@code src/test/resources/boundary-baseline.txt} by default), each with its reason. Every run writes the SARIF log
 * ({@code target/boundary-rules/boundary-violations.sarif}). The tests are tagged {@code architecture}, so a build can
 * run them alone and without a database.
 */
@Tag("architecture")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ModuleBoundaryTests {

    private BoundaryCheck check;

    /** The application to check: {@code BoundaryConfiguration.of(MyApplication.class)}, plus anything the convention cannot find. */
    protected abstract BoundaryConfiguration configuration();

    @BeforeAll
    void importTheApplication() {
        check = BoundaryCheck.of(configuration());
        System.out.println("Module schemas: " + String.join("; ", check.codebase().schemas().describe()));
    }

    /** The check the tests share, for a subclass's own tests. */
    protected BoundaryCheck check() {
        return check;
    }

    @Test
    void spring_modulith_finds_the_modules_well_formed_and_free_of_cycles() {
        check.codebase().model().applicationModules().verify();
    }

    @Test
    void a_module_uses_another_module_only_through_its_published_api() {
        check.assertHolds(RuleCatalog.PUBLISHED_API);
    }

    @Test
    void modules_depend_on_each_other_without_cycles() {
        check.assertHolds(RuleCatalog.NO_CYCLES);
    }

    @Test
    void no_module_uses_another_modules_repositories_entities_or_database_beans() {
        check.assertHolds(RuleCatalog.FOREIGN_PERSISTENCE);
    }

    @Test
    void no_entity_holds_another_modules_entity_but_refers_to_it_by_id() {
        check.assertHolds(RuleCatalog.REFERENCE_BY_ID);
    }

    @Test
    void every_entity_maps_explicitly_to_its_own_modules_schema() {
        check.assertHolds(RuleCatalog.OWN_SCHEMA_MAPPING);
    }

    @Test
    void no_sql_or_jpql_of_a_module_touches_another_modules_schema() {
        check.assertHolds(RuleCatalog.OWN_SCHEMA_QUERIES);
    }

    @Test
    void the_migrations_of_a_module_touch_only_its_own_schema() {
        check.assertHolds(RuleCatalog.OWN_SCHEMA_MIGRATIONS);
    }

    @Test
    void every_migration_statement_is_parsed_or_analysed_not_only_scanned() {
        List<Violation> scanned = check.verdict(RuleCatalog.OWN_SCHEMA_MIGRATIONS).result().warnings();
        if (!scanned.isEmpty()) {
            throw new AssertionError(scanned.size() + " migration statement(s) only scanned, not checked:\n"
                    + String.join("\n", scanned.stream().map(Violation::message).toList()));
        }
    }

    @Test
    void a_modules_synchronous_api_for_other_modules_is_read_only() {
        check.assertHolds(RuleCatalog.READ_ONLY_API);
    }

    @Test
    void a_listener_lives_in_the_module_whose_state_it_changes() {
        check.assertHolds(RuleCatalog.LISTENER_HOME);
    }

    @Test
    void event_types_live_in_the_publishing_modules_api_package_and_are_immutable() {
        check.assertHolds(RuleCatalog.EVENT_TYPES);
    }

    @Test
    void no_module_changes_its_database_identity_search_path_or_privileges() {
        check.assertHolds(RuleCatalog.DATABASE_IDENTITY);
    }

    @Test
    void every_baseline_entry_gives_a_reason_and_names_a_known_rule() {
        Baseline baseline = check.baseline();
        if (!baseline.problems().isEmpty()) {
            throw new AssertionError("malformed baseline entries:\n" + String.join("\n", baseline.problems()));
        }
        List<String> unknown = baseline.entries().stream().filter(entry -> RuleCatalog.byId(entry.ruleId()).isEmpty())
                .map(entry -> baseline.file() + ":" + entry.line() + ": no rule " + entry.ruleId()).toList();
        if (!unknown.isEmpty()) {
            throw new AssertionError("baseline entries naming a rule that does not exist (a typo, or a removed rule):\n"
                    + String.join("\n", unknown));
        }
    }
}
