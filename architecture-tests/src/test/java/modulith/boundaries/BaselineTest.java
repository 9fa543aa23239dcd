package modulith.boundaries;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The baseline accepts only listed violations, and fails when a listed one is gone, so the debt only shrinks. */
@Tag("architecture")
class BaselineTest {

    private static final String CYCLE_KEY = "R1.cycle | fixture.shop.billing.internal.Invoicing | billing → order → billing | billing → order → billing";

    private static BoundaryVerdict verdictOf(String... lines) {
        Baseline baseline = Baseline.parse(Path.of("baseline.txt"), List.of(lines));
        return BoundaryVerdict.of(RuleCatalog.NO_CYCLES, Shops.check(Shops.violating(), RuleCatalog.NO_CYCLES), baseline);
    }

    @Test
    void a_violation_not_in_the_baseline_fails_the_build() {
        BoundaryVerdict verdict = verdictOf("# nothing accepted");

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.report()).contains("R1.cycle ").contains(CYCLE_KEY + "  # why");
    }

    @Test
    void a_violation_listed_with_a_reason_is_accepted() {
        BoundaryVerdict verdict = verdictOf(CYCLE_KEY + "  # fixture: accepted to show the baseline works");

        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.acceptedViolations()).hasSize(1);
    }

    @Test
    void an_entry_that_no_longer_occurs_fails_the_build_as_stale() {
        BoundaryVerdict verdict = verdictOf(CYCLE_KEY + "  # accepted",
                "R1.cycle | fixture.shop.order.internal.Gone | order → user → order | order → user → order  # long fixed");

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.report()).contains("no longer occur").contains("baseline line 2: R1.cycle | fixture.shop.order.internal.Gone");
    }

    @Test
    void an_entry_without_a_reason_is_refused() {
        Baseline baseline = Baseline.parse(Path.of("baseline.txt"), List.of(CYCLE_KEY));

        assertThat(baseline.entries()).isEmpty();
        assertThat(baseline.problems()).singleElement().asString().contains("say why this violation is accepted");
    }
}
