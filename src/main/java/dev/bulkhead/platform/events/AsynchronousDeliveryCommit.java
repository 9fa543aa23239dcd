package dev.bulkhead.platform.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Lets a delivery's transaction commit without waiting for its WAL flush (ADR 0029). Only a transaction that marks
 * its own publication COMPLETED asks for it, and for such a transaction a commit lost by a database crash is
 * harmless: PostgreSQL replays WAL in order, so what is lost is a suffix of the history, and with it the
 * COMPLETED mark; the publication is still outstanding and is delivered again, and the listener's inbox makes the
 * second delivery the first one. Everything the saga acknowledged to a client (an HTTP request's transaction, the
 * publication it wrote) still commits synchronously, and so does any transaction that follows a lost one.
 */
@Component
class AsynchronousDeliveryCommit {

    private final JdbcTemplate jdbc;
    private final boolean enabled;
    private final @Nullable Counter relaxed;

    AsynchronousDeliveryCommit(DataSource dataSource, DeliveryCommitProperties properties, ObjectProvider<MeterRegistry> meters) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.enabled = !properties.synchronous();
        MeterRegistry registry = meters.getIfAvailable();
        this.relaxed = registry == null ? null : Counter.builder("bulkhead.events.deliveries.asynchronous-commits")
                .description("delivery transactions that committed without waiting for their WAL flush (ADR 0029)")
                .register(registry);
    }

    /** In the current delivery's transaction, on its connection: the commit returns before the WAL is flushed. */
    void relaxCurrentTransaction() {
        if (!enabled || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return;
        }
        jdbc.execute("SET LOCAL synchronous_commit TO off");
        if (relaxed != null) {
            relaxed.increment();
        }
    }
}
