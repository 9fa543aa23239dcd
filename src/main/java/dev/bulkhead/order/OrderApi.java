package dev.bulkhead.order;

import dev.bulkhead.user.UserId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** What other modules may ask the order module. Read-only. */
public interface OrderApi {

    /** The most orders a listing page ({@link #findByUser}) holds. */
    int MAX_PAGE_SIZE = 100;

    /**
     * The most orders {@link #findAllById} and {@link #findSummariesAfter} answer in one call: a paged job's page (ADR 0034).
     * Over HTTP (ADR 0027) the ids travel in a request body and a thousand orders answer in well under a megabyte.
     */
    int MAX_BATCH_SIZE = 1000;

    Optional<OrderView> findById(OrderId id);

    /** The orders with the given ids (at most {@link #MAX_BATCH_SIZE}) in one query; unknown ids are left out. */
    List<OrderView> findAllById(Collection<OrderId> ids);

    /** A user's orders, newest first; {@code page} counts from 0. */
    List<OrderView> findByUser(UserId userId, int page, int size);

    /**
     * Every order's summary, a page at a time in id order: those after {@code after} (from the start when null), at
     * most {@code limit} (≤ {@link #MAX_BATCH_SIZE}). For jobs that compare or rebuild copies; one statement a call.
     */
    List<OrderSummary> findSummariesAfter(OrderId after, int limit);
}
