package modulith.boundaries;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
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
}
