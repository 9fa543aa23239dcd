package dev.bulkhead.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The currency check, now written without a regular expression (issue 22: it compiled one per Money). */
class MoneyTests {

    @Test
    void acceptsUpperCaseIsoCodesTheJdkKnows() {
        assertThat(Money.isIsoCurrency("EUR")).isTrue();
        assertThat(Money.isIsoCurrency("JPY")).isTrue();
    }

    @Test
    void refusesEverythingElse() {
        for (String code : new String[] { "eur", "EU", "EURO", "E1R", "EÜR", "", " EU", "XYZ" }) {
            assertThat(Money.isIsoCurrency(code)).as(code).isFalse();
        }
        assertThat(Money.isIsoCurrency(null)).isFalse();
        assertThatThrownBy(() -> Money.of(1, "eur")).isInstanceOf(IllegalArgumentException.class);
    }
}
