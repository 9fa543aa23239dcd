package dev.bulkhead.billing.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface LedgerRepository extends JpaRepository<LedgerEntry, UUID> {

    /** Per charge reference, the sum of its refunds: rows of {reference, sum}. */
    @Query("select e.chargeReference, sum(e.amountMinor) from LedgerEntry e where e.kind = dev.bulkhead.billing.internal.LedgerEntry.Kind.REFUND and e.chargeReference in :references group by e.chargeReference")
    List<Object[]> sumRefundsByChargeReference(@Param("references") Collection<UUID> references);

    boolean existsByChargeReferenceAndKind(UUID chargeReference, LedgerEntry.Kind kind);

    List<LedgerEntry> findByUserIdAndKindOrderByOccurredAtDesc(UUID userId, LedgerEntry.Kind kind, Limit limit);
}
