package dev.bulkhead.billing.internal;

import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes the billing module's event handlers idempotent. The registry delivers at least once (again
 * after a crash, a retry or an operator's resubmission, possibly on two instances at the same
 * time), so each handler first records the event's id in {@code billing.applied_events}, its
 * inbox, inside the handler's own transaction: the record and the state change commit or roll back
 * together, and a second delivery finds the record and does nothing.
 */
@Component
class BillingInbox {

    private final BillingInboxRepository applied;
    private final Clock clock;

    BillingInbox(BillingInboxRepository applied, Clock clock) {
        this.applied = applied;
        this.clock = clock;
    }

    /** @return true the first time {@code handler} sees {@code eventId}; false for every repeat */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean firstDelivery(UUID eventId, String handler) {
        return applied.insertIfAbsent(eventId, handler, clock.instant()) == 1;
    }
}
