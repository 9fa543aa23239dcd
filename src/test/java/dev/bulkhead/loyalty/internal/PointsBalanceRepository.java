package dev.bulkhead.loyalty.internal;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PointsBalanceRepository extends JpaRepository<PointsBalance, UUID> {

    /** The database identity the module's statements run as: the module's own login, acting as its app role. */
    @Query(value = "SELECT session_user || ' as ' || current_user", nativeQuery = true)
    String databaseIdentity();
}
