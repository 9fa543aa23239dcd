package dev.bulkhead.billing.internal;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/**
 * An entity whose id is assigned in Java and that is written once. Without this, Spring Data sees a non-null id,
 * takes the entity for an existing one and merges it, which costs a SELECT before every INSERT (the benchmark's
 * statement capture showed two per order: one for the ledger entry, one for the payment).
 */
@MappedSuperclass
abstract class InsertedOnce implements Persistable<UUID> {

    @Transient
    private boolean stored;

    @Override
    public boolean isNew() {
        return !stored;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        stored = true;
    }
}
