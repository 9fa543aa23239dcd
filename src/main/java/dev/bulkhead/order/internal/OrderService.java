package dev.bulkhead.order.internal;

import dev.bulkhead.platform.Caller;
import dev.bulkhead.order.OrderApi;
import dev.bulkhead.order.OrderCancelled;
import dev.bulkhead.order.OrderId;
import dev.bulkhead.order.OrderPlaced;
import dev.bulkhead.order.OrderSummary;
import dev.bulkhead.order.OrderView;
import dev.bulkhead.platform.PublishedQuery;
import dev.bulkhead.platform.RejectedRequest;
import dev.bulkhead.user.UserApi;
import dev.bulkhead.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accepts orders and answers questions about them. Whether the customer may order is asked of the
 * user module's API at the moment of ordering (ADR 0004), before the order's transaction begins (ADR
 * 0027); an order's change and the event that announces it ({@link OrderPlaced}, {@link OrderCancelled})
 * commit together.
 */
@Service
class OrderService implements OrderApi {

    private final OrderRepository orders;
    private final UserApi users;
    private final OrderPlacement placement;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final OrderViews views;

    OrderService(OrderRepository orders, UserApi users, OrderPlacement placement, ApplicationEventPublisher events, Clock clock,
            OrderViews views) {
        this.orders = orders;
        this.users = users;
        this.placement = placement;
        this.events = events;
        this.clock = clock;
        this.views = views;
    }

    /** {@link #place} once per {@code Idempotency-Key}: a retry gets the first result and creates nothing. */
    OrderView placeOnce(String idempotencyKey, Object request, UserId userId, String currency, List<OrderLine> lines) {
        return placement.placeOnce(idempotencyKey, request, userId, askUserModule(userId), currency, lines);
    }

    /**
     * Places an order for an active customer. The user module is asked before the order's transaction
     * begins (it may answer over HTTP, slowly: no order connection waits for it); the order is written
     * in a transaction of its own.
     */
    OrderView place(UserId userId, String currency, List<OrderLine> lines) {
        return placement.place(userId, askUserModule(userId), currency, lines);
    }

    private CustomerLookup askUserModule(UserId userId) {
        return CustomerLookup.ask(users, userId);
    }

    /**
     * Cancels a paid order: it waits for its refund, and {@link OrderCancelled} asks billing for it.
     * Repeating the request for an order already cancelled answers the same without a second
     * cancellation; any other order cannot be cancelled (409).
     */
    @Transactional
    OrderView cancel(OrderId id) {
        Order order = orders.findForUpdate(id.value()).filter(found -> Caller.mayRead(found.userId().value()))
                .orElseThrow(() -> RejectedRequest.notFound("order", id));
        Caller.requireChangeAccessTo(order.userId().value(), "orders");
        Instant now = clock.instant();
        if (order.cancel(now)) {
            orders.save(order); // publishes the order's OrderStatusChanged
            events.publishEvent(new OrderCancelled(UUID.randomUUID(), order.id(), order.userId(), order.total(), now));
        } else if (!order.wasCancelled()) {
            throw RejectedRequest.conflict("status", "order " + id + " is " + order.status()
                    + "; only a PAID order can be cancelled");
        }
        return order.toView();
    }

    @Override
    @PublishedQuery
    public Optional<OrderView> findById(OrderId id) {
        // another customer's order does not exist, as far as this caller can tell
        return orders.findById(id.value()).filter(order -> Caller.mayRead(order.userId().value())).map(Order::toView);
    }

    /** Every customer's orders, newest first: the support staff's view. */
    @Transactional(readOnly = true)
    List<OrderView> findRecent(int page, int size) {
        Caller.requireStaff("every customer's orders");
        requireValidPage(page, size);
        return orders.findAllByOrderByPlacedAtDesc(PageRequest.of(page, size)).stream().map(Order::toView).toList();
    }

    @Override
    @PublishedQuery
    public List<OrderView> findByUser(UserId userId, int page, int size) {
        Caller.requireReadAccessTo(userId.value(), "orders");
        requireValidPage(page, size);
        return orders.findByUserIdOrderByPlacedAtDesc(userId, PageRequest.of(page, size)).stream()
                .map(Order::toView)
                .toList();
    }

    @Override
    @PublishedQuery
    public List<OrderView> findAllById(Collection<OrderId> ids) {
        Caller.requireStaff("orders of many customers");
        requireValidBatch(Math.max(1, ids.size()));
        return views.byIds(ids.stream().map(OrderId::value).distinct().toList());
    }

    @Override
    @PublishedQuery
    public List<OrderSummary> findSummariesAfter(OrderId after, int limit) {
        Caller.requireStaff("every order");
        requireValidBatch(limit);
        return views.summariesAfter(after, limit);
    }

    private static void requireValidBatch(int size) {
        if (size < 1 || size > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_BATCH_SIZE);
        }
    }

    private static void requireValidPage(int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE);
        }
    }
}
