package dev.bulkhead.user.internal;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface UserRepository extends JpaRepository<User, UUID> {

    /**
     * Whether an address is registered, whatever its case. Written out because Spring Data's {@code IgnoreCase} compares
     * {@code upper(email)}, which the unique index on {@code lower(email)} cannot serve: every registration scanned the
     * whole table (issue 22, {@code RequestPathIndexTests} query {@code user.email-taken}).
     */
    @Query("select count(u) > 0 from User u where lower(u.email) = lower(:email)")
    boolean existsByEmail(@Param("email") String email);
}
