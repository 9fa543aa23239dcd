package dev.bulkhead.history.internal;

import dev.bulkhead.order.OrderId;
import dev.bulkhead.platform.PagedJob;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Builds the order history anew from the owning modules into the table readers do not read, a page of orders at a
 * time, and then, in one short transaction, points the readers at it (ADR 0034). Readers see the old model until that
 * commit and the whole new one after; never a half-built one. While it runs, the projection writes both tables, and a
 * rebuilt row never overwrites what the projection wrote after the row was read ({@link OrderHistoryStore#rebuilt}).
 * Memory holds a page, or two where reading ahead is switched on: the one applied and the one read ahead.
 *
 * <p>It first brings the customers' copy in line ({@link CustomerPhase}): the name and email readers see beside an
 * order come from there (ADR 0043). Then each page is a range of orders by id ({@link SourceRange}): its rows are
 * written, and what an earlier model left in that range of the table for orders that no longer exist is removed in the
 * same transaction, so the table needs no emptying first. The page writes its range a part at a time
 * ({@link PagedJob.Pacing}), letting the requests under way be answered between parts (ADR 0042). The cursor is
 * {@code customers:<last user id>}, then {@code fill:<last order id>}. A page is read without looking at what the
 * pages before it wrote, so the platform may read it while the page before it is applied.
 */
@Component
class OrderHistoryRebuild implements PagedJob {

    static final String FILL = "fill:";

    private final CustomerPhase customers;
    private final OrderHistorySource source;
    private final OrderHistoryStore store;
    private final ReadModelTables tables;
    private final HistoryTransactions transactions;

    OrderHistoryRebuild(CustomerPhase customers, OrderHistorySource source, OrderHistoryStore store, ReadModelTables tables,
            HistoryTransactions transactions) {
        this.customers = customers;
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

    /** Each page is a range of the source: reading it does not depend on the pages before it. */
    @Override
    public boolean readsAhead() {
        return true;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return transactions.inTransaction(work);
    }

    /** As many customers and orders as the current model has rows. */
    @Override
    public long estimateTotal() {
        return inTransaction(() -> customers.count() + store.count());
    }

    /** From now on the projection writes the table to be built as well as the one readers read. */
    @Override
    public void begin() {
        tables.startBuilding();
    }

    /**
     * A cursor other than {@code customers:<id>} or {@code fill:<id>} (none; {@code clear}, left by a version that
     * emptied the table first) starts from the first customer: a range rewritten is rewritten the same. A
     * {@code fill:} cursor left by a version before ADR 0043 goes on with the orders; that run leaves the customers as
     * they are.
     */
    @Override
    public Page nextPage(@Nullable String cursor, int size) {
        if (cursor == null || !cursor.startsWith(FILL)) {
            return customers.page(cursor, size, FILL);
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

    private Page fillPage(@Nullable OrderId after, int size) {
        SourceRange range = source.range(after, size);
        String next = FILL + (range.last() ? (after == null ? "" : after.value()) : range.upTo());
        return new HistoryPage(pacing -> {
            String table = building();
            // one look for leftovers over the whole range (it reads the range's ids and, as a rule, deletes nothing);
            // the writes, the page's bulk, in parts
            store.removeLeftovers(table, range);
            for (SourceRange part : range.split(pacing.rowsPerStatement())) {
                pacing.betweenStatements();
                store.rebuilt(table, part);
            }
            int rows = range.entries().size();
            return new Applied(rows, 0, rows);
        }, next, range.last());
    }

    private String building() {
        String building = tables.current().building();
        if (building == null) {
            throw new IllegalStateException("no rebuild has begun: no table is being built");
        }
        return building;
    }
}
