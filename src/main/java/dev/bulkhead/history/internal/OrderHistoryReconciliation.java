package dev.bulkhead.history.internal;

import dev.bulkhead.history.OrderHistoryEntry;
import dev.bulkhead.order.OrderId;
import dev.bulkhead.platform.Reconciliation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Compares the order history with the owning modules: first the customers' copy, a page of users at a time
 * ({@link CustomerPhase}; a changed name, a missing customer), then the orders, a range at a time
 * ({@link SourceRange}): every row that drifted (a stale status, money taken, a missing row) is replaced with what
 * they say, and every row in the range whose order they no longer know is removed. Customers count as items with the
 * orders. Each page is one history transaction with the job's checkpoint
 * (ADR 0034). A row the projection touched after the range was read is left alone: it is newer than the read. A page
 * compares and repairs its range a part at a time, letting the requests under way be answered between parts
 * ({@link dev.bulkhead.platform.PagedJob.Pacing}, ADR 0042).
 *
 * <p>The owning modules are asked outside any transaction of this module: when they run in another process the
 * questions travel over HTTP, and a history connection must not wait on them (ADR 0027). A page is read without
 * looking at what the pages before it wrote, so the platform may read it while the page before it is applied.
 *
 * <p>The cursor is {@code customers:<last user id>}, then {@code orders:<last order id>}.
 */
@Component
class OrderHistoryReconciliation implements Reconciliation {

    static final String ORDERS = "orders:";

    private final CustomerPhase customers;
    private final OrderHistorySource source;
    private final OrderHistoryStore store;
    private final ReadModelTables tables;
    private final HistoryTransactions transactions;

    OrderHistoryReconciliation(CustomerPhase customers, OrderHistorySource source, OrderHistoryStore store,
            ReadModelTables tables, HistoryTransactions transactions) {
        this.customers = customers;
        this.source = source;
        this.store = store;
        this.tables = tables;
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

    /** Each page is a range of the source: reading it does not depend on the pages before it. */
    @Override
    public boolean readsAhead() {
        return true;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return transactions.inTransaction(work);
    }

    /** Every customer and every order once; the rows stand in for them. */
    @Override
    public long estimateTotal() {
        return inTransaction(() -> customers.count() + store.count());
    }

    /**
     * A cursor other than {@code customers:<id>} or {@code orders:<id>} (none; {@code orphans:…}, left by a version
     * that looked for orphans in a second pass) starts from the first customer: comparing a range again changes
     * nothing that is in line.
     */
    @Override
    public Page nextPage(@Nullable String cursor, int size) {
        if (cursor == null || !cursor.startsWith(ORDERS)) {
            return customers.page(cursor, size, ORDERS);
        }
        String after = cursor.substring(ORDERS.length());
        SourceRange range = source.range(after.isEmpty() ? null : new OrderId(UUID.fromString(after)), size);
        return new HistoryPage(pacing -> {
            long removed = store.removeLeftovers(tables.current().active(), range);
            long drifted = removed;
            long repaired = removed;
            for (SourceRange part : range.split(pacing.rowsPerStatement())) {
                pacing.betweenStatements();
                long[] replaced = replaceDrifted(part);
                drifted += replaced[0];
                repaired += replaced[1];
            }
            return new Applied(range.entries().size(), drifted, repaired);
        }, range.last() ? ORDERS + after : ORDERS + range.upTo(), range.last());
    }

    /** @return {drifted, repaired}: a drifted row the projection touched since the read is not repaired here */
    private long[] replaceDrifted(SourceRange range) {
        Set<UUID> differing = store.differing(range.entries());
        List<OrderHistoryEntry> drifted = new ArrayList<>();
        List<Instant> statusAt = new ArrayList<>();
        for (int i = 0; i < range.entries().size(); i++) {
            OrderHistoryEntry expected = range.entries().get(i);
            if (differing.contains(expected.orderId().value())) {
                drifted.add(expected);
                statusAt.add(range.statusAt().get(i));
            }
        }
        return new long[] { drifted.size(), store.replaceAll(drifted, statusAt, range.readFrom()) };
    }
}
