package dev.bulkhead.user.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface UserRepository extends JpaRepository<User, UUID> {

    /** Served by the unique index on {@code lower(email)}. */
    boolean existsByEmailIgnoreCase(String email);

    List<User> findAllByOrderByIdAsc(Limit limit);

    List<User> findByIdGreaterThanOrderByIdAsc(UUID after, Limit limit);
}
