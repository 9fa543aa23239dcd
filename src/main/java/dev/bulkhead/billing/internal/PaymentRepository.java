package dev.bulkhead.billing.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface PaymentRepository extends JpaRepository<Payment, UUID> {

    boolean existsByChargeReference(UUID chargeReference);

    Optional<Payment> findByChargeReference(UUID chargeReference);

    List<Payment> findByUserIdOrderByOccurredAtDesc(UUID userId, Limit limit);
}
