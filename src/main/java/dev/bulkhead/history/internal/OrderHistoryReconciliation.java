package dev.bulkhead.history.internal;

import dev.bulkhead.history.OrderHistoryEntry;
import dev.bulkhead.order.OrderApi;
import dev.bulkhead.order.OrderId;
import dev.bulkhead.order.OrderView;
import dev.bulkhead.platform.Reconciliation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Compares the order history with the owning modules, a page of orders at a time, and replaces
 * every row that drifted (a changed name, a stale status, a missing row) with what they say; rows
 * of orders that no longer exist are removed. A rebuild empties the read model and fills it with
 * everything the owning modules say, in one transaction, so readers never see it half full.
 *
 * <p>The owning modules are asked outside any transaction of this module: when they run in another
 * process the questions travel over HTTP, and a history connection must not wait on them (ADR 0027).
 * Each page's changes then commit in a short transaction of their own.
 */
@Component
class OrderHistoryReconciliation implements Reconciliation {

    static final int PAGE = 100;

    private final OrderApi orders;
    private final OrderHistorySource source;
    private final OrderHistoryStore store;
    private final TransactionTemplate transaction;

    OrderHistoryReconciliation(OrderApi orders, OrderHistorySource source, OrderHistoryStore store,
            PlatformTransactionManager transactions) {
        this.orders = orders;
        this.source = source;
        this.store = store;
        this.transaction = new TransactionTemplate(transactions);
        // the router picks the module's connection from the transaction's name (ADR 0006)
        this.transaction.setName(OrderHistoryReconciliation.class.getName() + ".apply");
    }

    @Override
    public String name() {
        return "history.order-history";
    }

    @Override
    public Report run() {
        long checked = 0;
        long drifted = 0;
        OrderId cursor = null;
        List<OrderView> page;
        do {
            page = orders.findPageAfter(cursor, PAGE);
            List<OrderHistoryEntry> expected = source.expected(page);
            drifted += transaction.execute(status -> replaceDrifted(expected));
            checked += page.size();
            cursor = page.isEmpty() ? cursor : page.get(page.size() - 1).id();
        } while (page.size() == PAGE);
        long orphans = removeOrphans();
        return new Report(name(), checked + orphans, drifted + orphans, drifted + orphans);
    }

    /** Empties the read model and fills it again from the owning modules. */
    Report rebuild() {
        List<OrderHistoryEntry> everything = new ArrayList<>();
        OrderId cursor = null;
        List<OrderView> page;
        do {
            page = orders.findPageAfter(cursor, PAGE);
            everything.addAll(source.expected(page));
            cursor = page.isEmpty() ? cursor : page.get(page.size() - 1).id();
        } while (page.size() == PAGE);
        transaction.executeWithoutResult(status -> {
            store.clear();
            everything.forEach(store::replace);
        });
        return new Report(name(), everything.size(), 0, everything.size());
    }

    private long replaceDrifted(List<OrderHistoryEntry> expected) {
        long drifted = 0;
        Map<OrderId, OrderHistoryEntry> actual = store.byIds(expected.stream().map(OrderHistoryEntry::orderId).toList());
        for (OrderHistoryEntry entry : expected) {
            if (!entry.equals(actual.get(entry.orderId()))) {
                store.replace(entry);
                drifted++;
            }
        }
        return drifted;
    }

    private long removeOrphans() {
        long removed = 0;
        UUID cursor = new UUID(0, 0); // the nil UUID sorts first in PostgreSQL
        List<OrderId> ids;
        do {
            ids = store.idsAfter(cursor, PAGE);
            Set<OrderId> known = orders.findAllById(ids).stream().map(OrderView::id).collect(Collectors.toSet());
            List<OrderId> gone = ids.stream().filter(id -> !known.contains(id)).toList();
            transaction.executeWithoutResult(status -> gone.forEach(store::delete));
            removed += gone.size();
            cursor = ids.isEmpty() ? cursor : ids.get(ids.size() - 1).value();
        } while (ids.size() == PAGE);
        return removed;
    }
}
