package dev.bulkhead.order.internal;

import dev.bulkhead.order.OrderPlaced;
import dev.bulkhead.order.OrderView;
import dev.bulkhead.platform.Caller;
import dev.bulkhead.platform.Idempotency;
import dev.bulkhead.platform.RejectedRequest;
import dev.bulkhead.platform.Step;
import dev.bulkhead.user.UserId;
import dev.bulkhead.user.UserView;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a new order and the {@link OrderPlaced} that announces it, in one transaction, once
 * {@link OrderService} has asked the user module about the customer: whether they may order is
 * decided here, from that answer (ADR 0004), but the question was asked before the transaction began.
 */
@Service
class OrderPlacement {

    private final OrderRepository orders;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Idempotency idempotency;
    private final OrderIdempotencyKeys idempotencyKeys;

    OrderPlacement(OrderRepository orders, ApplicationEventPublisher events, Clock clock, Idempotency idempotency,
            OrderIdempotencyKeys idempotencyKeys) {
        this.orders = orders;
        this.events = events;
        this.clock = clock;
        this.idempotency = idempotency;
        this.idempotencyKeys = idempotencyKeys;
    }

    /** {@link #place} once per {@code Idempotency-Key}: a retry gets the first result and creates nothing. */
    @Step("place")
    @Transactional
    OrderView placeOnce(String idempotencyKey, Object request, UserId userId, CustomerLookup customer, String currency,
            List<OrderLine> lines) {
        return idempotency.once(idempotencyKeys, idempotencyKey, "POST /v1/orders", request, OrderView.class,
                () -> place(userId, customer, currency, lines));
    }

    @Step("place")
    @Transactional
    OrderView place(UserId userId, CustomerLookup customer, String currency, List<OrderLine> lines) {
        Caller.requireChangeAccessTo(userId.value(), "orders");
        UserView found = customer.customer()
                .orElseThrow(() -> RejectedRequest.unprocessable("userId", "no user with id " + userId));
        if (!found.active()) {
            throw RejectedRequest.unprocessable("userId", "user " + userId + " is deactivated and cannot order");
        }
        Instant now = clock.instant();
        Order order = orders.save(new Order(userId, currency, lines, now, "PlaceOrder request"));
        events.publishEvent(new OrderPlaced(UUID.randomUUID(), order.id(), userId, order.total(), now));
        return order.toView();
    }
}
