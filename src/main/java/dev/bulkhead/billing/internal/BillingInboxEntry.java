package dev.bulkhead.billing.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** An event a handler of the billing module has applied; see {@link BillingInbox}. */
@Entity
@Table(schema = BillingSchema.NAME, name = "applied_events")
class BillingInboxEntry {

    @EmbeddedId
    private Key key;

    @Column(name = "applied_at", nullable = false)
    private Instant appliedAt;

    protected BillingInboxEntry() {
    }

    @Embeddable
    record Key(@Column(name = "event_id") UUID eventId, @Column(name = "handler") String handler) implements Serializable {
    }
}
