package modulith.boundaries;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import modulith.boundaries.sql.IdentityStatements;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** No rule reports anything on the clean fixture {@code fixture.cleanshop}: the rules do not cry wolf. */
@Tag("architecture")
class RulesStayQuietOnCleanCodeTest {

    static Stream<BoundaryRule> rules() {
        return RuleCatalog.all().stream();
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("rules")
    void every_rule_stays_quiet_on_a_codebase_that_keeps_it(BoundaryRule rule) {
        assertThat(Shops.check(Shops.clean(), rule).violations()).extracting(Violation::message).isEmpty();
    }

    /**
     * The clean shop's billing pins its trigger function with {@code SET search_path FROM CURRENT} and
     * another by naming its own schema, mentions GRANT and SET ROLE in comments, and writes "grant" in
     * messages: all of it reaches the identity detector, none of it is an identity statement.
     */
    @Test
    void the_identity_rule_allows_routines_pinned_to_their_own_schema_and_grant_in_prose() throws IOException {
        String routines = Files.readString(Fixtures.MIGRATIONS_FOLDER.resolve("cleanshop/billing/V2__ledger_checks.sql"));
        assertThat(IdentityStatements.mayContain(routines)).as("the script passes the keyword filter").isTrue();
        assertThat(routines).contains("SET search_path FROM CURRENT").contains("SET search_path = billing, pg_catalog");

        assertThat(Shops.check(Shops.clean(), RuleCatalog.DATABASE_IDENTITY).violations()).extracting(Violation::message).isEmpty();
    }

    @Test
    void every_migration_statement_of_the_clean_shop_is_checked_none_only_scanned() {
        RuleResult result = Shops.check(Shops.clean(), RuleCatalog.OWN_SCHEMA_MIGRATIONS);

        assertThat(result.warnings()).isEmpty();
        assertThat(result.notes()).singleElement().asString().endsWith(", 0 only scanned");
    }
}
