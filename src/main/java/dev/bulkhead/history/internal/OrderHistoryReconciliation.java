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
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compares the order history with the owning modules, a page of orders at a time, and replaces
 * every row that drifted (a changed name, a stale status, a missing row) with what they say; rows
 * of orders that no longer exist are removed. A rebuild is the same walk over an emptied read model.
 */
@Component
class OrderHistoryReconciliation implements Reconciliation {

    static final int PAGE = 100;

    private final OrderApi orders;
    private final OrderHistorySource source;
    private final OrderHistoryStore store;

    OrderHistoryReconciliation(OrderApi orders, OrderHistorySource source, OrderHistoryStore store) {
        this.orders = orders;
        this.source = source;
        this.store = store;
    }

    @Override
    public String name() {
        return "history.order-history";
    }

    @Override
    @Transactional
    public Report run() {
        long checked = 0;
        long drifted = 0;
        OrderId cursor = null;
        List<OrderView> page;
        do {
            page = orders.findPageAfter(cursor, PAGE);
            List<OrderHistoryEntry> expected = source.expected(page);
            Map<OrderId, OrderHistoryEntry> actual = store.byIds(page.stream().map(OrderView::id).toList());
            for (OrderHistoryEntry entry : expected) {
                if (!entry.equals(actual.get(entry.orderId()))) {
                    store.replace(entry);
                    drifted++;
                }
            }
            checked += page.size();
            cursor = page.isEmpty() ? cursor : page.get(page.size() - 1).id();
        } while (page.size() == PAGE);
        long orphans = removeOrphans();
        return new Report(name(), checked + orphans, drifted + orphans, drifted + orphans);
    }

    /** Empties the read model and fills it again from the owning modules. */
    @Transactional
    Report rebuild() {
        store.clear();
        Report filled = run();
        return new Report(name(), filled.checked(), 0, filled.repaired());
    }

    private long removeOrphans() {
        long removed = 0;
        UUID cursor = new UUID(0, 0); // the nil UUID sorts first in PostgreSQL
        List<OrderId> ids;
        do {
            ids = store.idsAfter(cursor, PAGE);
            Set<OrderId> known = orders.findAllById(ids).stream().map(OrderView::id).collect(Collectors.toSet());
            for (OrderId id : ids) {
                if (!known.contains(id)) {
                    store.delete(id);
                    removed++;
                }
            }
            cursor = ids.isEmpty() ? cursor : ids.get(ids.size() - 1).value();
        } while (ids.size() == PAGE);
        return removed;
    }
}
