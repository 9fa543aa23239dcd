package dev.bulkhead.billing.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Makes the billing module's event handlers idempotent. The registry delivers at least once (again
 * after a crash, a retry or an operator's resubmission, possibly on two instances at the same
 * time), so each handler first records the event's id in {@code billing.applied_events}, its
 * inbox, inside the handler's own transaction: the record and the state change commit or roll back
 * together, and a second delivery finds the record and does nothing.
 */
@Component
class BillingInbox {

    // plain JDBC and a plain check of the transaction: a Spring Data native query and a transactional proxy cost
    // several times the insert itself on every delivery (issue 20's profile)
    private static final String INSERT_IF_ABSENT = "insert into " + BillingSchema.NAME
            + ".applied_events (event_id, handler, applied_at) values (?, ?, ?) on conflict do nothing";

    private final JdbcClient jdbc;
    private final Clock clock;

    BillingInbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Inserts the marker unless it exists. A concurrent delivery of the same event waits on the primary key until
     * the first transaction ends, then inserts nothing.
     *
     * @return true the first time {@code handler} sees {@code eventId}; false for every repeat
     * @throws IllegalTransactionStateException outside a transaction: a mark committed apart from the handler's
     *         change would make a failed handler look applied
     */
    boolean firstDelivery(UUID eventId, String handler) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException("the inbox mark must be written in the handler's transaction");
        }
        return jdbc.sql(INSERT_IF_ABSENT).params(eventId, handler, Timestamp.from(clock.instant())).update() == 1;
    }
}
