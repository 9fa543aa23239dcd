package dev.bulkhead.order.internal;

import dev.bulkhead.billing.PaymentCompleted;
import dev.bulkhead.billing.PaymentFailed;
import dev.bulkhead.billing.PaymentRefunded;
import dev.bulkhead.order.OrderStatusChanged;
import dev.bulkhead.platform.Step;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Moves orders on when billing reports how their charge went. Each handler applies an event at
 * most once ({@link OrderInbox}) and locks the order, so a payment event, a cancellation and the
 * expiry job never overwrite each other, whichever instance runs them.
 */
@Component
class PaymentOutcomes {

    private static final Logger log = LoggerFactory.getLogger(PaymentOutcomes.class);

    private final OrderRepository orders;
    private final StatusMoves moves;
    private final OrderInbox inbox;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PaymentOutcomes(OrderRepository orders, StatusMoves moves, OrderInbox inbox, ApplicationEventPublisher events, Clock clock) {
        this.orders = orders;
        this.moves = moves;
        this.inbox = inbox;
        this.events = events;
        this.clock = clock;
    }

    @Step("paid")
    @ApplicationModuleListener
    void on(PaymentCompleted event) {
        Instant at = clock.instant();
        apply(event.eventId(), "PaymentOutcomes.on(PaymentCompleted)", event.chargeReference(), Order.PAYMENT_COMPLETED, at,
                order -> order.paymentCompleted(at, event.eventId()));
    }

    @Step("payment failed")
    @ApplicationModuleListener
    void on(PaymentFailed event) {
        Instant at = clock.instant();
        String reason = event.reason().name();
        apply(event.eventId(), "PaymentOutcomes.on(PaymentFailed)", event.chargeReference(), Order.paymentFailed(reason), at,
                order -> order.paymentFailed(reason, at, event.eventId()));
    }

    @Step("refunded")
    @ApplicationModuleListener
    void on(PaymentRefunded event) {
        Instant at = clock.instant();
        apply(event.eventId(), "PaymentOutcomes.on(PaymentRefunded)", event.chargeReference(), null, at,
                order -> order.paymentRefunded(at, event.eventId()));
    }

    /**
     * Applies the event once: first as the common {@code move} in one statement ({@link StatusMoves}),
     * and only if the order is not where that move starts, through the aggregate, which knows every case.
     */
    private void apply(UUID eventId, String handler, UUID orderId, Order.@Nullable StatusMove move, Instant at,
            Predicate<Order> change) {
        if (!inbox.firstDelivery(eventId, handler)) {
            log.debug("{} already applied event {}; ignoring the redelivery", handler, eventId);
            return;
        }
        Optional<OrderStatusChanged> moved = move == null ? Optional.empty() : moves.make(orderId, move, at, eventId);
        if (moved.isPresent()) {
            events.publishEvent(moved.get());
            return;
        }
        orders.findForUpdate(orderId).ifPresentOrElse(
                order -> {
                    if (change.test(order)) {
                        orders.save(order); // publishes the order's OrderStatusChanged
                    } else {
                        log.debug("Order {} is {}; event {} changes nothing", orderId, order.status(), eventId);
                    }
                },
                () -> log.debug("Payment event {} refers to {}, which is not an order", eventId, orderId));
    }
}
