package dev.bulkhead.order.internal;

import dev.bulkhead.platform.Step;
import dev.bulkhead.billing.PaymentCompleted;
import dev.bulkhead.billing.PaymentFailed;
import dev.bulkhead.billing.PaymentRefunded;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    private final OrderInbox inbox;
    private final Clock clock;

    PaymentOutcomes(OrderRepository orders, OrderInbox inbox, Clock clock) {
        this.orders = orders;
        this.inbox = inbox;
        this.clock = clock;
    }

    @Step("paid")
    @ApplicationModuleListener
    void on(PaymentCompleted event) {
        apply(event.eventId(), "PaymentOutcomes.on(PaymentCompleted)", event.chargeReference(),
                order -> order.paymentCompleted(clock.instant(), event.eventId()));
    }

    @Step("payment failed")
    @ApplicationModuleListener
    void on(PaymentFailed event) {
        apply(event.eventId(), "PaymentOutcomes.on(PaymentFailed)", event.chargeReference(),
                order -> order.paymentFailed(event.reason().name(), clock.instant(), event.eventId()));
    }

    @Step("refunded")
    @ApplicationModuleListener
    void on(PaymentRefunded event) {
        apply(event.eventId(), "PaymentOutcomes.on(PaymentRefunded)", event.chargeReference(),
                order -> order.paymentRefunded(clock.instant(), event.eventId()));
    }

    private void apply(UUID eventId, String handler, UUID orderId, Predicate<Order> change) {
        if (!inbox.firstDelivery(eventId, handler)) {
            log.debug("{} already applied event {}; ignoring the redelivery", handler, eventId);
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
