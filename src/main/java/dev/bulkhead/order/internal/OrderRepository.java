package dev.bulkhead.order.internal;

import dev.bulkhead.user.UserId;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface OrderRepository extends JpaRepository<Order, UUID> {

    List<Order> findByUserIdOrderByPlacedAtDesc(UserId userId, Pageable page);

    List<Order> findAllByOrderByPlacedAtDesc(Pageable page);

    List<Order> findAllByOrderByIdAsc(Limit limit);

    List<Order> findByIdGreaterThanOrderByIdAsc(UUID after, Limit limit);
}
