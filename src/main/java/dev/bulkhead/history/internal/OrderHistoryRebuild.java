package dev.bulkhead.history.internal;

import dev.bulkhead.history.OrderHistoryEntry;
import dev.bulkhead.order.OrderApi;
import dev.bulkhead.order.OrderId;
import dev.bulkhead.order.OrderView;
import dev.bulkhead.platform.PagedJob;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Builds the order history anew from the owning modules into the table readers do not read, a page of orders at a
 * time, and then, in one short transaction, points the readers at it (ADR 0034). Readers see the old model until that
 * commit and the whole new one after; never a half-built one. While it runs, the projection writes both tables, and a
 * rebuilt row never overwrites what the projection wrote after the row was read ({@link OrderHistoryStore#rebuilt}).
 * Memory holds one page.
 *
 * <p>Phases and cursors: {@code clear} empties the table to be built (what an earlier model left there), a page of
 * rows per transaction; {@code fill:<last order id>} fills it.
 */
@Component
class OrderHistoryRebuild implements PagedJob {

    static final String CLEAR = "clear";
    static final String FILL = "fill:";

    private final OrderApi orders;
    private final OrderHistorySource source;
    private final OrderHistoryStore store;
    private final ReadModelTables tables;
    private final HistoryTransactions transactions;

    OrderHistoryRebuild(OrderApi orders, OrderHistorySource source, OrderHistoryStore store, ReadModelTables tables,
            HistoryTransactions transactions) {
        this.orders = orders;
        this.source = source;
        this.store = store;
        this.tables = tables;
        this.transactions = transactions;
    }

    @Override
    public String name() {
        return "history.rebuild";
    }

    @Override
    public String schema() {
        return HistorySchema.NAME;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return transactions.inTransaction(work);
    }

    /** As many orders as the current model has rows. */
    @Override
    public long estimateTotal() {
        return inTransaction(store::count);
    }

    /** From now on the projection writes the table to be built as well as the one readers read. */
    @Override
    public void begin() {
        tables.startBuilding();
    }

    @Override
    public Page nextPage(@Nullable String cursor, int size) {
        if (cursor == null || cursor.equals(CLEAR)) {
            return clearPage(size);
        }
        String after = cursor.substring(FILL.length());
        return fillPage(after.isEmpty() ? null : new OrderId(UUID.fromString(after)), size);
    }

    /** Readers read the built table from this transaction's commit on. */
    @Override
    public void complete() {
        tables.swap();
        store.rebuiltNow();
    }

    private Page clearPage(int size) {
        List<UUID> ids = inTransaction(() -> store.firstIds(building(), size));
        return new HistoryPage(() -> {
            store.deleteAll(building(), ids);
            return Applied.NOTHING;
        }, ids.size() < size ? FILL : CLEAR, false);
    }

    private Page fillPage(@Nullable OrderId after, int size) {
        Instant readFrom = inTransaction(store::databaseNow);
        List<OrderView> page = orders.findPageAfter(after, size);
        List<OrderHistoryEntry> entries = source.expected(page);
        String next = page.isEmpty() ? FILL + (after == null ? "" : after.value()) : FILL + page.get(page.size() - 1).id().value();
        return new HistoryPage(() -> {
            store.rebuilt(building(), entries, page.stream().map(OrderHistoryRebuild::statusAt).toList(), readFrom);
            return new Applied(page.size(), 0, page.size());
        }, next, page.size() < size);
    }

    /** When the order reached its status: the last step of its timeline. */
    private static Instant statusAt(OrderView order) {
        return order.timeline().isEmpty() ? order.placedAt() : order.timeline().get(order.timeline().size() - 1).at();
    }

    private String building() {
        String building = tables.current().building();
        if (building == null) {
            throw new IllegalStateException("no rebuild has begun: no table is being built");
        }
        return building;
    }
}
