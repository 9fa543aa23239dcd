package dev.bulkhead.history.internal;

import dev.bulkhead.platform.PagedJob;
import dev.bulkhead.user.UserId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The first phase of the order history's rebuild and of its reconciliation: the customers' copy brought in line with
 * the user module, a page of users at a time ({@link CustomerCopy}, ADR 0043). The copy is not rebuilt beside the one
 * readers read: each customer's row is replaced in one statement, so a reader sees either the old row or the right
 * one. The cursor is {@code customers:<last user id>}; after the last page, the job's own phase starts with the cursor
 * the job gives.
 */
@Component
class CustomerPhase {

    static final String CUSTOMERS = "customers:";

    private final OrderHistorySource source;
    private final CustomerCopy customers;

    CustomerPhase(OrderHistorySource source, CustomerCopy customers) {
        this.source = source;
        this.customers = customers;
    }

    /** The customers, for a job's total; call it in a transaction. */
    long count() {
        return customers.count();
    }

    /**
     * The page after {@code cursor}: a cursor other than {@code customers:<id>} (none, or one an older version left)
     * starts from the first user.
     *
     * @param next the cursor that starts the job's next phase, given after the last customers' page
     */
    PagedJob.Page page(@Nullable String cursor, int size, String next) {
        String after = cursor != null && cursor.startsWith(CUSTOMERS) ? cursor.substring(CUSTOMERS.length()) : "";
        CustomerRange range = source.customers(after.isEmpty() ? null : new UserId(UUID.fromString(after)), size);
        return new HistoryPage(pacing -> {
            long fixed = customers.removeLeftovers(range) + customers.repair(range);
            return new PagedJob.Applied(range.customers().size(), fixed, fixed);
        }, range.last() ? next : CUSTOMERS + range.upTo(), false);
    }
}
