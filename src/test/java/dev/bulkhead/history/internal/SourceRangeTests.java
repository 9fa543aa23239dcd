package dev.bulkhead.history.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulkhead.history.OrderHistoryEntry;
import dev.bulkhead.kernel.Money;
import dev.bulkhead.order.OrderId;
import dev.bulkhead.order.OrderStatus;
import dev.bulkhead.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A page's range cut into the parts its statements write (ADR 0042): the parts follow each other without a gap or an
 * overlap, so the leftovers of every part's range are looked for, and together they are exactly the page's range.
 */
class SourceRangeTests {

    private static final Instant READ_FROM = Instant.parse("2026-12-03T12:00:00Z");

    @Test
    void the_parts_cover_the_range_from_its_start_to_its_end_without_gap_or_overlap() {
        List<OrderHistoryEntry> entries = entries(7);
        UUID after = new UUID(0, 1);
        SourceRange range = new SourceRange(after, idOf(entries.get(6)), READ_FROM, entries, statusAt(7));

        List<SourceRange> parts = range.split(3);

        assertThat(parts).extracting(part -> part.entries().size()).containsExactly(3, 3, 1);
        assertThat(parts.get(0).after()).isEqualTo(after);
        assertThat(parts.get(0).upTo()).isEqualTo(idOf(entries.get(2)));
        assertThat(parts.get(1).after()).isEqualTo(idOf(entries.get(2)));
        assertThat(parts.get(1).upTo()).isEqualTo(idOf(entries.get(5)));
        assertThat(parts.get(2).after()).isEqualTo(idOf(entries.get(5)));
        assertThat(parts.get(2).upTo()).isEqualTo(range.upTo());
        assertThat(parts).flatExtracting(SourceRange::entries).containsExactlyElementsOf(entries);
        assertThat(parts).flatExtracting(SourceRange::statusAt).containsExactlyElementsOf(range.statusAt());
        assertThat(parts).allSatisfy(part -> assertThat(part.readFrom()).isEqualTo(READ_FROM));
    }

    @Test
    void the_last_range_of_a_run_keeps_its_open_end_in_its_last_part_and_the_first_its_open_start() {
        List<OrderHistoryEntry> entries = entries(5);
        SourceRange whole = new SourceRange(null, null, READ_FROM, entries, statusAt(5));

        List<SourceRange> parts = whole.split(2);

        assertThat(parts).hasSize(3);
        assertThat(parts.get(0).after()).as("from the first order").isNull();
        assertThat(parts.get(2).upTo()).as("to the last order, and any placed since").isNull();
        assertThat(parts.get(2).last()).isTrue();
        assertThat(parts.get(0).last()).isFalse();
    }

    @Test
    void a_range_no_larger_than_a_part_is_its_own_only_part_and_an_empty_one_too() {
        SourceRange small = new SourceRange(null, null, READ_FROM, entries(3), statusAt(3));
        SourceRange empty = new SourceRange(null, null, READ_FROM, List.of(), List.of());

        assertThat(small.split(3)).containsExactly(small);
        assertThat(empty.split(100)).containsExactly(empty);
        assertThatThrownBy(() -> small.split(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<OrderHistoryEntry> entries(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(n -> new OrderHistoryEntry(new OrderId(new UUID(1, n)),
                new UserId(new UUID(2, n)), "Customer " + n, "c" + n + "@example.com", OrderStatus.PAID, Money.of(100, "EUR"),
                Money.of(100, "EUR"), Money.zero("EUR"), null, READ_FROM.minusSeconds(n))).toList();
    }

    private static List<Instant> statusAt(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(READ_FROM::minusSeconds).toList();
    }

    private static UUID idOf(OrderHistoryEntry entry) {
        return entry.orderId().value();
    }
}
