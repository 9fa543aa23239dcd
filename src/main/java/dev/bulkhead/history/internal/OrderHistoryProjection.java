package dev.bulkhead.history.internal;

import dev.bulkhead.billing.PaymentCompleted;
import dev.bulkhead.billing.PaymentFailed;
import dev.bulkhead.billing.PaymentRefunded;
import dev.bulkhead.order.OrderPlaced;
import dev.bulkhead.order.OrderStatusChanged;
import dev.bulkhead.user.UserRegistered;
import dev.bulkhead.user.UserRenamed;
import java.time.Clock;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the order history from events only. Each handler applies its event once: the event id is
 * recorded in the same transaction, and those records are also the projection's checkpoint.
 */
@Component
class OrderHistoryProjection {

    private final OrderHistoryStore store;
    private final CustomerCopy customers;
    private final Clock clock;

    OrderHistoryProjection(OrderHistoryStore store, CustomerCopy customers, Clock clock) {
        this.store = store;
        this.customers = customers;
        this.clock = clock;
    }

    /** Keeps the customer's name and email, shown beside each of the customer's orders. */
    @ApplicationModuleListener
    void on(UserRegistered event) {
        once(event.eventId(), event, () -> customers.registered(event.userId(), event.name(), event.email()));
    }

    /** Shows the new name on the customer's orders: one row written, however many orders there are. */
    @ApplicationModuleListener
    void on(UserRenamed event) {
        once(event.eventId(), event, () -> customers.renamed(event.userId(), event.name()));
    }

    /** Adds the order, pending payment; its customer's name shows once the customer is known. */
    @ApplicationModuleListener
    void on(OrderPlaced event) {
        once(event.eventId(), event, () -> store.placed(event.orderId(), event.userId(), event.total(), event.occurredAt()));
    }

    /** Moves the order's status on, never back to an older one. */
    @ApplicationModuleListener
    void on(OrderStatusChanged event) {
        once(event.eventId(), event, () -> store.status(event.orderId(), event.to(), event.occurredAt()));
    }

    /** Records the money taken for the order. */
    @ApplicationModuleListener
    void on(PaymentCompleted event) {
        once(event.eventId(), event, () -> store.paid(event.chargeReference(), event.amount()));
    }

    /** Records the money given back for the order. */
    @ApplicationModuleListener
    void on(PaymentRefunded event) {
        once(event.eventId(), event, () -> store.refunded(event.chargeReference(), event.amount()));
    }

    /** Records why billing refused the charge. */
    @ApplicationModuleListener
    void on(PaymentFailed event) {
        once(event.eventId(), event, () -> store.failed(event.chargeReference(), event.reason().name()));
    }

    private void once(UUID eventId, Object event, Runnable apply) {
        String type = event.getClass().getSimpleName();
        if (store.firstDelivery(eventId, type, clock.instant())) {
            apply.run();
        }
    }
}
