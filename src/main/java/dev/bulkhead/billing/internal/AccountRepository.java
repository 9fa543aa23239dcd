package dev.bulkhead.billing.internal;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AccountRepository extends JpaRepository<Account, UUID> {

    /** Locks the account row until the transaction ends, so concurrent charges see each other's balance. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Account a where a.userId = :userId")
    Optional<Account> findForUpdate(@Param("userId") UUID userId);

    @Query("select a.userId from Account a where a.userId > :after order by a.userId")
    List<UUID> findUserIdsAfter(@Param("after") UUID after, Limit limit);
}
