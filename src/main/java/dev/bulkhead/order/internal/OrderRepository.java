package dev.bulkhead.order.internal;

import dev.bulkhead.order.OrderStatus;
import dev.bulkhead.user.UserId;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OrderRepository extends JpaRepository<Order, UUID> {

    List<Order> findByUserIdOrderByPlacedAtDesc(UserId userId, Pageable page);

    List<Order> findAllByOrderByPlacedAtDesc(Pageable page);

    /**
     * Locks the order row until the transaction ends. Every change of an order's status goes through
     * here, so a payment event, a cancellation and the expiry job (on any instance) see each other's
     * result instead of racing.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from Order o where o.id = :id")
    Optional<Order> findForUpdate(@Param("id") UUID id);

    /** The oldest orders in {@code status} placed before {@code cutoff}; served by a partial index. */
    @Query("select o.id from Order o where o.status = :status and o.placedAt < :cutoff order by o.placedAt")
    List<UUID> findIdsByStatusPlacedBefore(@Param("status") OrderStatus status, @Param("cutoff") Instant cutoff,
            Limit limit);
}
