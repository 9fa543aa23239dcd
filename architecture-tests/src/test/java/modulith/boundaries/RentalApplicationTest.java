package modulith.boundaries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the bike rental shows about the rules beyond "they hold": where the module → schema mapping comes from, that the
 * rules accept what Spring Modulith publishes (an open module's sub-packages, a named interface, an allowed named
 * interface dependency) because they read it from Spring Modulith's model, and that policies are configuration while
 * boundary rules are not.
 */
@Tag("architecture")
class RentalApplicationTest {

    private static Codebase rental() {
        return Codebase.of(Rentals.clean());
    }

    @Test
    void each_modules_schema_comes_from_its_flyway_folder_and_the_shared_ones_from_the_root_folder() {
        ModuleSchemas schemas = rental().schemas();

        assertThat(schemas.schemaByModule()).isEqualTo(Map.of("fleet", "fleet", "customers", "customers", "rentals", "rentals"));
        assertThat(schemas.sharedSchemas()).containsExactlyInAnyOrder("events", "extensions");
        assertThat(schemas.describe()).contains(
                "fleet → fleet (CREATE SCHEMA in architecture-tests/fixtures/resources/fixture-migrations/rental/db/migration/fleet/V1__create_fleet_schema.sql)");
    }

    @Test
    void without_create_schema_a_modules_schema_comes_from_its_entities_or_its_search_path() {
        ModuleSchemas schemas = Codebase.of(Rentals.clean().withMigrations(MigrationLayout.springModulith()
                .withRoot(Fixtures.MIGRATIONS.resolve("conventions")))).schemas();

        assertThat(schemas.schemaByModule()).isEqualTo(Map.of("fleet", "fleet", "customers", "customers", "rentals", "rentals",
                "notifications", "outbox"));
        assertThat(schemas.describe()).contains("fleet → fleet (@Table(schema) of 1 entity)",
                "notifications → outbox (SET search_path in architecture-tests/fixtures/resources/fixture-migrations/conventions/"
                        + "notifications/V1__outbox.sql)");
    }

    @Test
    void configuration_overrides_the_convention() {
        ModuleSchemas schemas = Codebase.of(Rentals.clean().withSchema("notifications", "outbox")).schemas();

        assertThat(schemas.schemaByModule()).containsEntry("notifications", "outbox").containsEntry("fleet", "fleet");
        assertThat(schemas.describe()).contains("notifications → outbox (configured)");
    }

    @Test
    void a_schema_configured_for_a_module_spring_modulith_does_not_know_is_refused() {
        assertThatThrownBy(() -> Codebase.of(Rentals.clean().withSchema("fleets", "fleet")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gives module fleets a schema, but Spring Modulith's model has no module fleets")
                .hasMessageContaining("fleet");
    }

    @Test
    void the_types_other_modules_use_are_published_by_spring_modulith_not_by_the_package_they_sit_in() {
        Codebase rental = rental();
        List<String> usedAcross = usedAcrossModules(rental);

        // common is open: its sub-packages are published though they are not its base package
        assertThat(rental.model().isOpen("common")).isTrue();
        assertThat(usedAcross).contains("fixture.rental.common.models.PagedResult", "fixture.rental.common.errors.NotFound");
        // the fleet's events are its named interface "events", a sub-package, which rentals may use as "fleet :: events"
        assertThat(rental.model().namedInterfacesOf("fleet")).containsExactly("events");
        assertThat(usedAcross).contains("fixture.rental.fleet.events.BikeRetired");
        for (String type : usedAcross) {
            assertThat(rental.model().isExposed(type)).as(type).isTrue();
        }
        assertThat(Rentals.check(Rentals.clean(), RuleCatalog.PUBLISHED_API).violations()).isEmpty();
    }

    @Test
    void with_bulkheads_read_only_api_policy_the_published_create_rental_is_reported() {
        assertThat(Rentals.check(Rentals.cleanWithEveryPolicy(), RuleCatalog.READ_ONLY_API).violations())
                .extracting(Violation::message).singleElement().asString()
                .startsWith("R7.read-only-api RentalApi.java:")
                .contains("rentals's published API: offers RentalApi.createRental to other modules, but it changes rentals's state "
                        + "(named like a change ('create'); @Transactional without readOnly on RentalService.createRental)");
    }

    @Test
    void the_team_without_that_policy_switches_it_off_and_the_rule_says_so() {
        RuleResult result = Rentals.check(Rentals.clean(), RuleCatalog.READ_ONLY_API);

        assertThat(result.violations()).isEmpty();
        assertThat(result.notes()).containsExactly("R7.read-only-api is switched off by the configuration (a policy, not a boundary)");
    }

    @Test
    void a_policy_can_be_tuned_instead_of_switched_off() {
        Policies tuned = Policies.defaults().withReadOnlyApi(Policies.defaults().readOnlyApi()
                .withoutVerbsOfChange("create").withWritingTransactionsCounting(false));

        assertThat(Rentals.check(Rentals.cleanWithEveryPolicy().withPolicies(tuned), RuleCatalog.READ_ONLY_API).violations()).isEmpty();
        assertThat(Rentals.check(Rentals.broken().withPolicies(Policies.defaults().withEventShape(
                Policies.defaults().eventShape().allowingMutableEvents())), RuleCatalog.EVENT_TYPES).violations())
                .extracting(Violation::message)
                .noneSatisfy(message -> assertThat(message).contains("is mutable"))
                .anySatisfy(message -> assertThat(message).contains("event RentalClosed lives in fixture.rentalbroken.rentals.domain"));
    }

    @Test
    void no_boundary_rule_can_be_switched_off() {
        for (BoundaryRule rule : RuleCatalog.all()) {
            if (Policies.ids().contains(rule.id())) {
                assertThat(Rentals.clean().withRuleSwitchedOff(rule.id()).policies().isOn(rule.id())).isFalse();
            } else {
                assertThatThrownBy(() -> Rentals.clean().withRuleSwitchedOff(rule.id()))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining(rule.id() + " is a boundary rule")
                        .hasMessageContaining("it cannot be switched off")
                        .hasMessageContaining("baseline");
            }
        }
        assertThatThrownBy(() -> Rentals.clean().withRuleSwitchedOff("R7.readonly")).hasMessageContaining("no rule R7.readonly");
    }

    @Test
    void a_switched_off_policy_still_fails_on_its_baseline_entries_which_can_no_longer_occur() {
        Baseline baseline = Baseline.parse(java.nio.file.Path.of("baseline.txt"), List.of(
                "R7.read-only-api | fixture.rental.rentals.RentalApi.createRental | rentals's published API | RentalApi.createRental  # until v2"));

        BoundaryVerdict verdict = BoundaryVerdict.of(RuleCatalog.READ_ONLY_API, Rentals.check(Rentals.clean(), RuleCatalog.READ_ONLY_API),
                baseline);

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.staleEntries()).hasSize(1);
    }

    @Test
    void every_migration_statement_is_checked_many_by_the_postgresql_fallback() {
        RuleResult result = Rentals.check(Rentals.clean(), RuleCatalog.OWN_SCHEMA_MIGRATIONS);

        assertThat(result.warnings()).isEmpty();
        assertThat(result.notes()).singleElement().asString()
                .matches("38 migration statements in 10 scripts: \\d+ parsed, \\d+ analysed by the PostgreSQL fallback, 0 only scanned");
    }

    /** Types of one module that another module's classes depend on. */
    private static List<String> usedAcrossModules(Codebase codebase) {
        Set<String> used = new java.util.TreeSet<>();
        for (JavaClass origin : codebase.classes()) {
            for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                JavaClass target = dependency.getTargetClass();
                if (codebase.moduleOf(origin).isPresent() && codebase.moduleOf(target).isPresent()
                        && !codebase.moduleOf(origin).equals(codebase.moduleOf(target))) {
                    used.add(target.getName());
                }
            }
        }
        return List.copyOf(used);
    }
}
