package dev.bulkhead.history.internal;

import dev.bulkhead.history.OrderHistoryEntry;
import java.time.Instant;
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

    UUID[] orderIds() {
        return entries.stream().map(entry -> entry.orderId().value()).toArray(UUID[]::new);
    }
}
