package dev.bulkhead.order.internal;

import dev.bulkhead.billing.PaymentCompleted;
import dev.bulkhead.billing.PaymentFailed;
import dev.bulkhead.order.OrderStatus;
import dev.bulkhead.order.OrderStatusChanged;
import org.springframework.context.ApplicationEventPublisher;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Settles orders when billing reports how their charge went. */
@Component
class PaymentOutcomes {

    private static final Logger log = LoggerFactory.getLogger(PaymentOutcomes.class);

    private final OrderRepository orders;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PaymentOutcomes(OrderRepository orders, ApplicationEventPublisher events, Clock clock) {
        this.orders = orders;
        this.events = events;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(PaymentCompleted event) {
        settle(event.chargeReference(), OrderStatus.PAID, "PaymentCompleted", event.eventId());
    }

    @ApplicationModuleListener
    void on(PaymentFailed event) {
        settle(event.chargeReference(), OrderStatus.PAYMENT_FAILED, "PaymentFailed (" + event.reason() + ")", event.eventId());
    }

    private void settle(UUID orderId, OrderStatus outcome, String cause, UUID eventId) {
        orders.findById(orderId).ifPresentOrElse(
                order -> {
                    OrderStatus before = order.status();
                    if (order.settle(outcome, clock.instant(), cause, eventId)) {
                        events.publishEvent(new OrderStatusChanged(UUID.randomUUID(), order.id(), order.userId(), before,
                                outcome, order.total(), cause, clock.instant()));
                    } else {
                        log.debug("Order {} is already {}; ignoring {}", orderId, order.status(), eventId);
                    }
                },
                () -> log.debug("Payment event {} refers to {}, which is not an order", eventId, orderId));
    }
}
