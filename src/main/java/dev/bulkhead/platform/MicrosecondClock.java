package dev.bulkhead.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * UTC, in whole microseconds: PostgreSQL keeps microseconds, so an instant reads back exactly as it was written.
 *
 * <p>Not {@code Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000))}, which this class replaces: on JDK 17 that
 * clock's {@code millis()} divides by the tick's whole milliseconds, zero for a tick under a millisecond, and throws
 * {@code ArithmeticException} (fixed in later JDKs). Any library handed the clock that asked it for milliseconds failed.
 */
final class MicrosecondClock extends Clock {

    private final Clock base;

    MicrosecondClock(Clock base) {
        this.base = base;
    }

    @Override
    public Instant instant() {
        return base.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public long millis() {
        return base.millis();
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new MicrosecondClock(base.withZone(zone));
    }
}
