package dev.bulkhead.order.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The order ids of ADR 0041 as RFC 9562 lays out version 7; that PostgreSQL sorts them by time is in OrderModuleTests. */
class TimeOrderedIdsTests {

    private static final Instant PLACED = Instant.parse("2026-12-02T17:03:04.567891Z");

    @Test
    void an_id_is_version_7_of_the_ietf_variant_with_the_placements_millisecond_first() {
        UUID id = TimeOrderedIds.at(PLACED);

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(PLACED.toEpochMilli());
        assertThat(id.toString()).startsWith(String.format("%08x-%04x", PLACED.toEpochMilli() >>> 16, PLACED.toEpochMilli() & 0xFFFF));
    }

    @Test
    void ids_of_one_millisecond_differ_in_their_random_bits() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(TimeOrderedIds.at(PLACED));
        }

        assertThat(ids).hasSize(10_000);
        // every one of the 74 random bits varies: none is left at a fixed value
        long msbVaried = 0;
        long lsbVaried = 0;
        UUID first = ids.iterator().next();
        for (UUID id : ids) {
            msbVaried |= id.getMostSignificantBits() ^ first.getMostSignificantBits();
            lsbVaried |= id.getLeastSignificantBits() ^ first.getLeastSignificantBits();
        }
        assertThat(Long.bitCount(msbVaried)).isEqualTo(12);
        assertThat(Long.bitCount(lsbVaried)).isEqualTo(62);
    }

    @Test
    void a_later_millisecond_sorts_after_every_id_of_an_earlier_one() {
        for (int i = 0; i < 1_000; i++) {
            assertThat(TimeOrderedIds.at(PLACED.plusMillis(1))).isGreaterThan(TimeOrderedIds.at(PLACED));
        }
    }

    @Test
    void a_time_outside_what_48_bits_of_milliseconds_hold_is_refused() {
        assertThatThrownBy(() -> TimeOrderedIds.at(Instant.EPOCH.minusMillis(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimeOrderedIds.at(Instant.ofEpochMilli(1L << 48))).isInstanceOf(IllegalArgumentException.class);
    }
}
