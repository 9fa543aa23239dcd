package dev.bulkhead.order;

import dev.bulkhead.user.UserId;
import java.util.List;
import java.util.Optional;

/** What other modules may ask the order module. Read-only. */
public interface OrderApi {

    int MAX_PAGE_SIZE = 100;

    Optional<OrderView> findById(OrderId id);

    /** A user's orders, newest first; {@code page} counts from 0. */
    List<OrderView> findByUser(UserId userId, int page, int size);
}
