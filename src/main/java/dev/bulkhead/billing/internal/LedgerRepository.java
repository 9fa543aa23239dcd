package dev.bulkhead.billing.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface LedgerRepository extends JpaRepository<LedgerEntry, UUID> {

    boolean existsByChargeReferenceAndKind(UUID chargeReference, LedgerEntry.Kind kind);

    List<LedgerEntry> findByUserIdAndKindOrderByOccurredAtDesc(UUID userId, LedgerEntry.Kind kind, Limit limit);
}
