package dev.bulkhead.history.internal;

import dev.bulkhead.history.OrderHistoryEntry;
import dev.bulkhead.order.OrderApi;
import dev.bulkhead.order.OrderId;
import dev.bulkhead.order.OrderView;
import dev.bulkhead.platform.Reconciliation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Compares the order history with the owning modules, a page of orders at a time, and replaces every row that
 * drifted (a changed name, a stale status, a missing row) with what they say; then, a page of rows at a time, rows of
 * orders that no longer exist are removed. Each page is one history transaction with the job's checkpoint (ADR 0034).
 *
 * <p>The owning modules are asked outside any transaction of this module: when they run in another process the
 * questions travel over HTTP, and a history connection must not wait on them (ADR 0027).
 *
 * <p>The cursor is {@code orders:<last order id>} in the first phase and {@code orphans:<last order id>} in the second.
 */
@Component
class OrderHistoryReconciliation implements Reconciliation {

    static final String ORDERS = "orders:";
    static final String ORPHANS = "orphans:";
    private static final UUID FIRST = new UUID(0, 0); // the nil UUID sorts first in PostgreSQL

    private final OrderApi orders;
    private final OrderHistorySource source;
    private final OrderHistoryStore store;
    private final HistoryTransactions transactions;

    OrderHistoryReconciliation(OrderApi orders, OrderHistorySource source, OrderHistoryStore store,
            HistoryTransactions transactions) {
        this.orders = orders;
        this.source = source;
        this.store = store;
        this.transactions = transactions;
    }

    @Override
    public String name() {
        return "history.order-history";
    }

    @Override
    public String schema() {
        return HistorySchema.NAME;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return transactions.inTransaction(work);
    }

    /** Every order once, then every row once; the rows stand in for the orders. */
    @Override
    public long estimateTotal() {
        return 2 * inTransaction(store::count);
    }

    @Override
    public Page nextPage(@Nullable String cursor, int size) {
        if (cursor == null || cursor.startsWith(ORDERS)) {
            String after = cursor == null ? "" : cursor.substring(ORDERS.length());
            return ordersPage(after.isEmpty() ? null : new OrderId(UUID.fromString(after)), size);
        }
        String after = cursor.substring(ORPHANS.length());
        return orphansPage(after.isEmpty() ? FIRST : UUID.fromString(after), size);
    }

    private Page ordersPage(@Nullable OrderId after, int size) {
        List<OrderView> page = orders.findPageAfter(after, size);
        List<OrderHistoryEntry> expected = source.expected(page);
        String next = page.size() < size ? ORPHANS : ORDERS + page.get(page.size() - 1).id().value();
        return new HistoryPage(() -> {
            long drifted = replaceDrifted(expected);
            return new Applied(page.size(), drifted, drifted);
        }, next, false);
    }

    private Page orphansPage(UUID after, int size) {
        List<OrderId> ids = inTransaction(() -> store.idsAfter(after, size));
        Set<OrderId> known = orders.findAllById(ids).stream().map(OrderView::id).collect(Collectors.toSet());
        List<OrderId> gone = ids.stream().filter(id -> !known.contains(id)).toList();
        String next = ids.isEmpty() ? ORPHANS + (after.equals(FIRST) ? "" : after) : ORPHANS + ids.get(ids.size() - 1).value();
        return new HistoryPage(() -> {
            store.delete(gone);
            return new Applied(ids.size(), gone.size(), gone.size());
        }, next, ids.size() < size);
    }

    private long replaceDrifted(List<OrderHistoryEntry> expected) {
        Map<OrderId, OrderHistoryEntry> actual = store.byIds(expected.stream().map(OrderHistoryEntry::orderId).toList());
        List<OrderHistoryEntry> drifted = expected.stream().filter(entry -> !entry.equals(actual.get(entry.orderId()))).toList();
        store.replaceAll(drifted);
        return drifted.size();
    }
}
