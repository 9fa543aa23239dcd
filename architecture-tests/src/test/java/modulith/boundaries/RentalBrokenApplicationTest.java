package modulith.boundaries;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bike rental with every rule broken ({@code fixture.rentalbroken}): each rule fires on it, with the same
 * configuration-free setup that keeps the original quiet, and the published-API rule reports exactly the dependencies
 * Spring Modulith's own verification reports.
 */
@Tag("architecture")
class RentalBrokenApplicationTest {

    static Stream<BoundaryRule> rules() {
        return RuleCatalog.all().stream();
    }

    private static List<String> messages(BoundaryRule rule) {
        return Rentals.check(Rentals.broken(), rule).violations().stream().map(Violation::message).toList();
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("rules")
    void every_rule_fires_on_the_broken_copy(BoundaryRule rule) {
        assertThat(messages(rule)).as(rule.id()).isNotEmpty();
    }

    @Test
    void using_an_internal_type_of_a_module_it_may_use_breaks_the_published_api_rule() {
        assertThat(messages(RuleCatalog.PUBLISHED_API)).anySatisfy(message -> assertThat(message)
                .startsWith("R1.api RentalService.java:")
                .contains("rentals → fleet: uses fleet's internal type BikeCodes")
                .contains("Instead: use `FleetApi.findAvailable` from fleet's published API (package fixture.rentalbroken.fleet, "
                        + "named interfaces events)"));
    }

    @Test
    void using_a_module_outside_the_allowed_dependencies_breaks_the_published_api_rule() {
        assertThat(messages(RuleCatalog.PUBLISHED_API))
                .anySatisfy(message -> assertThat(message)
                        .startsWith("R1.api RentalMails.java:")
                        .contains("notifications → fleet: uses fleet's type FleetApi, but notifications may depend only on "
                                + "rentals, customers, fleet :: events, common (allowedDependencies of notifications's @ApplicationModule)")
                        .contains("add it to allowedDependencies"))
                .anySatisfy(message -> assertThat(message)
                        .startsWith("R1.api FleetService.java:")
                        .contains("fleet → rentals: uses rentals's type RentalApi, but fleet may depend only on common"));
    }

    @Test
    void the_published_api_rule_and_spring_modulith_report_the_same_dependencies() {
        Codebase broken = Codebase.of(Rentals.broken());
        Set<String> modulith = new TreeSet<>();
        Pattern internal = Pattern.compile("Module '([^']+)' depends on non-exposed type (\\S+) within module '([^']+)'");
        Pattern notAllowed = Pattern.compile("Module '([^']+)' depends on (?:module|named interface\\(s\\)) .*? via \\S+ -> (\\S+)\\. "
                + "Allowed targets");
        for (String message : broken.model().applicationModules().detectViolations().getMessages()) {
            Matcher matcher = internal.matcher(message);
            if (matcher.find()) {
                modulith.add(matcher.group(1) + " → " + matcher.group(3) + " | " + matcher.group(2));
            }
            matcher = notAllowed.matcher(message);
            if (matcher.find()) {
                modulith.add(matcher.group(1) + " → " + broken.model().moduleOfClass(matcher.group(2)).orElseThrow() + " | "
                        + matcher.group(2));
            }
        }
        Set<String> rule = new TreeSet<>();
        Rentals.check(Rentals.broken(), RuleCatalog.PUBLISHED_API).violations()
                .forEach(violation -> rule.add(violation.boundary() + " | " + violation.subject()));

        assertThat(modulith).as("Spring Modulith's verification finds dependencies").hasSizeGreaterThanOrEqualTo(5);
        assertThat(rule).isEqualTo(modulith);
    }

    @Test
    void modules_using_each_other_break_the_cycle_rule() {
        assertThat(messages(RuleCatalog.NO_CYCLES)).anySatisfy(message -> assertThat(message)
                .contains("fleet → rentals → fleet: the modules depend on each other in a cycle"));
    }

    @Test
    void entities_repositories_and_schemas_of_other_modules_break_the_persistence_rules() {
        assertThat(messages(RuleCatalog.FOREIGN_PERSISTENCE)).anySatisfy(message -> assertThat(message)
                .contains("rentals → customers: uses customers's Spring Data repository CustomerRepository"));
        assertThat(messages(RuleCatalog.REFERENCE_BY_ID)).anySatisfy(message -> assertThat(message)
                .contains("rentals → customers: Rental.customer holds customers's Customer"));
        assertThat(messages(RuleCatalog.OWN_SCHEMA_MAPPING))
                .anySatisfy(message -> assertThat(message).contains("@Table of RentalArchive maps to module fleet's schema fleet instead of rentals's rentals"))
                .anySatisfy(message -> assertThat(message).contains("@Table of RentalNote names no schema"));
    }

    @Test
    void queries_and_sequences_of_other_modules_break_the_sql_rule() {
        assertThat(messages(RuleCatalog.OWN_SCHEMA_QUERIES))
                .anySatisfy(message -> assertThat(message).startsWith("R5.sql RentalRepository.java:")
                        .contains("rentals → fleet.bikes: SQL touches fleet's table fleet.bikes"))
                .anySatisfy(message -> assertThat(message).startsWith("R5.sql CustomerNumbers.java:")
                        .contains("rentals → customers.customer_id_seq: SQL touches customers's table customers.customer_id_seq "
                                + "(\"select nextval('customers.customer_id_seq')\")"));
    }

    private static final String REACHING_OUT = "R6.migration V4__reaching_out.sql:";

    @Test
    void postgresql_statements_reaching_into_other_schemas_break_the_migration_rule_each_on_its_line() {
        RuleResult result = Rentals.check(Rentals.broken(), RuleCatalog.OWN_SCHEMA_MIGRATIONS);
        List<String> messages = result.violations().stream().map(Violation::message).toList();

        assertThat(messages)
                .anySatisfy(message -> assertThat(message).startsWith(REACHING_OUT + "4 ")
                        .contains("rentals → customers.customer_id_seq: names customers.customer_id_seq in module customers's schema"))
                .anySatisfy(message -> assertThat(message).startsWith(REACHING_OUT + "5 ").contains("rentals → fleet.bikes")
                        .contains("COMMENT ON TABLE fleet.bikes"))
                .anySatisfy(message -> assertThat(message).startsWith(REACHING_OUT + "6 ").contains("ALTER TABLE fleet.bikes OWNER"))
                .anySatisfy(message -> assertThat(message).startsWith(REACHING_OUT + "7 ").contains("create index bikes_rentable on fleet.bikes"))
                .anySatisfy(message -> assertThat(message).startsWith(REACHING_OUT + "8 ").contains("rentals → fleet.pgcrypto"))
                .anySatisfy(message -> assertThat(message).startsWith(REACHING_OUT + "9 ").contains("rentals → fleet.bikes").contains("DO $$"))
                .anySatisfy(message -> assertThat(message).startsWith(REACHING_OUT + "10 ").contains("rentals → customers.customers"))
                .anySatisfy(message -> assertThat(message).startsWith(REACHING_OUT + "11 ").contains("CREATE TRIGGER bikes_touched"))
                .anySatisfy(message -> assertThat(message).startsWith(REACHING_OUT + "12 ")
                        .contains("rentals → fleet: sets the search path to module fleet's schema fleet"))
                .anySatisfy(message -> assertThat(message).startsWith(REACHING_OUT + "13 ")
                        .contains("rentals → fleet.rentals_mirror: names fleet.rentals_mirror (an unqualified name, through the search path)"));
        assertThat(messages).noneSatisfy(message -> assertThat(message).startsWith(REACHING_OUT + "3 ")); // its own search path
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void a_migration_setting_the_search_path_to_another_modules_schema_breaks_the_identity_rule_its_own_does_not() {
        assertThat(messages(RuleCatalog.DATABASE_IDENTITY))
                .anySatisfy(message -> assertThat(message).startsWith("R9.identity V4__reaching_out.sql:12 ")
                        .contains("rentals → database identity: the migration changes the search path (\"SET search_path TO fleet\")"))
                .anySatisfy(message -> assertThat(message).startsWith("R9.identity CustomerNumbers.java:")
                        .contains("switches the session's role (\"SET ROLE rental_fleet_app\")"))
                .noneSatisfy(message -> assertThat(message).contains("SET search_path TO rentals"));
    }

    @Test
    void policies_fire_on_the_broken_copy() {
        assertThat(messages(RuleCatalog.READ_ONLY_API)).anySatisfy(message -> assertThat(message)
                .contains("notifications → rentals: calls RentalApi.createRental, which changes rentals's state"));
        assertThat(messages(RuleCatalog.LISTENER_HOME)).anySatisfy(message -> assertThat(message)
                .contains("listener RentalMails.on in notifications changes rentals's state through RentalApi.createRental"));
        assertThat(messages(RuleCatalog.EVENT_TYPES))
                .anySatisfy(message -> assertThat(message).contains("event RentalClosed lives in fixture.rentalbroken.rentals.domain"))
                .anySatisfy(message -> assertThat(message).contains("event RentalClosed is mutable: field rentalId is not final"));
    }
}
