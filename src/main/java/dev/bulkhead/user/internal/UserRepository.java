package dev.bulkhead.user.internal;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface UserRepository extends JpaRepository<User, UUID> {

    /** Served by the unique index on {@code lower(email)}. */
    boolean existsByEmailIgnoreCase(String email);
}
