package dev.bulkhead.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The application's clock answers in milliseconds too (issue 22: Clock.tick's millis() divided by zero on JDK 17). */
class MicrosecondClockTests {

    private static final Instant AT = Instant.parse("2026-12-02T11:00:00.123456789Z");

    @Test
    void answersMillisecondsWhereTheTickClockItReplacesThrew() {
        Clock clock = new PlatformConfiguration().clock();

        assertThatCode(clock::millis).doesNotThrowAnyException();
        assertThat(Math.abs(clock.millis() - System.currentTimeMillis())).isLessThan(Duration.ofMinutes(1).toMillis());
    }

    @Test
    void keepsWholeMicrosecondsAsPostgresqlDoes() {
        Clock clock = new MicrosecondClock(Clock.fixed(AT, ZoneOffset.UTC));

        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-12-02T11:00:00.123456Z"));
        assertThat(clock.millis()).isEqualTo(AT.toEpochMilli());
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void anotherZoneKeepsTheTruncation() {
        Clock clock = new MicrosecondClock(Clock.fixed(AT, ZoneOffset.UTC)).withZone(ZoneId.of("Europe/Paris"));

        assertThat(clock.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-12-02T11:00:00.123456Z"));
    }
}
