package dev.bulkhead.history.internal;

import dev.bulkhead.history.OrderHistoryEntry;
import dev.bulkhead.platform.UuidArray;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A range of orders, by id, as the owning modules said it: every order with an id above {@code after} and up to
 * {@code upTo}, read after {@code readFrom} (the history database's clock). A row of the read model in that range
 * that the projection last touched before {@code readFrom} belongs to an order the read saw, if the order exists at
 * all: the projection writes only after the change it applies has committed (ADR 0034).
 *
 * @param after null: from the first order
 * @param upTo null: to the last order (this range is the last of a run)
 * @param statusAt for each entry, when its order reached its status
 */
record SourceRange(@Nullable UUID after, @Nullable UUID upTo, Instant readFrom, List<OrderHistoryEntry> entries,
        List<Instant> statusAt) {

    boolean last() {
        return upTo == null;
    }

    UuidArray orderIds() {
        return UuidArray.of(entries.stream().map(entry -> entry.orderId().value()).toArray(UUID[]::new));
    }

    /**
     * This range cut into consecutive ranges of at most {@code size} entries each, which together cover exactly this
     * one: the first starts after {@link #after}, each next one after the last id of the one before, the last ends at
     * {@link #upTo}. Each keeps this range's {@link #readFrom}: it was read in the same read.
     */
    List<SourceRange> split(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a range is cut into parts of at least one entry, not " + size);
        }
        if (entries.size() <= size) {
            return List.of(this);
        }
        List<SourceRange> parts = new ArrayList<>();
        UUID from = after;
        for (int start = 0; start < entries.size(); start += size) {
            int end = Math.min(entries.size(), start + size);
            UUID to = end == entries.size() ? upTo : entries.get(end - 1).orderId().value();
            parts.add(new SourceRange(from, to, readFrom, entries.subList(start, end), statusAt.subList(start, end)));
            from = to;
        }
        return parts;
    }
}
