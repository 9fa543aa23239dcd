package dev.bulkhead.billing.internal;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

interface BillingInboxRepository extends Repository<BillingInboxEntry, BillingInboxEntry.Key> {

    /**
     * Inserts the marker unless it exists. A concurrent delivery of the same event waits on the
     * primary key until the first transaction ends, then inserts nothing.
     *
     * @return 1 for the first application, 0 for a repeat
     */
    @Modifying
    @Query(value = "insert into " + BillingSchema.NAME + ".applied_events (event_id, handler, applied_at)"
            + " values (:eventId, :handler, :appliedAt) on conflict do nothing", nativeQuery = true)
    int insertIfAbsent(@Param("eventId") UUID eventId, @Param("handler") String handler,
            @Param("appliedAt") Instant appliedAt);
}
