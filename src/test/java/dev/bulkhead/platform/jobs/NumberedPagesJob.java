package dev.bulkhead.platform.jobs;

import dev.bulkhead.platform.PagedJob;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A scripted job for the runner's tests: pages numbered from 1, the cursor the last applied page's number, its
 * checkpoint in the history schema and its transactions on that module's connections. A test says what applying a
 * page does.
 */
abstract class NumberedPagesJob implements PagedJob {

    private final String name;
    private final int pages;
    private final TransactionTemplate transaction;

    NumberedPagesJob(String kind, int pages, PlatformTransactionManager transactions) {
        this.name = "test." + kind + "-" + UUID.randomUUID();
        this.pages = pages;
        this.transaction = new TransactionTemplate(transactions);
        // a name in the history module, so the router gives the page that module's connection (ADR 0006)
        this.transaction.setName("dev.bulkhead.history.internal." + getClass().getSimpleName() + ".page");
    }

    /** What applying page {@code number} does, inside its transaction, paced by the platform. */
    abstract Applied apply(int number, Pacing pacing);

    int pages() {
        return pages;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String schema() {
        return "order_history";
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return transaction.execute(status -> work.get());
    }

    @Override
    public long estimateTotal() {
        return pages;
    }

    @Override
    public Page nextPage(@Nullable String cursor, int size) {
        return page(number(cursor));
    }

    /** The number of the page after {@code cursor}. */
    static int number(@Nullable String cursor) {
        return cursor == null ? 1 : Integer.parseInt(cursor) + 1;
    }

    /** Page {@code number}, applied by {@link #apply(int, Pacing)}. */
    Page page(int number) {
        return new Page() {

            @Override
            public Applied apply(Pacing pacing) {
                return NumberedPagesJob.this.apply(number, pacing);
            }

            @Override
            public String cursorAfter() {
                return String.valueOf(number);
            }

            @Override
            public boolean last() {
                return number == pages;
            }
        };
    }
}
