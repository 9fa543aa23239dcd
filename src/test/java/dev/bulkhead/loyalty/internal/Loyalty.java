package dev.bulkhead.loyalty.internal;

import dev.bulkhead.loyalty.LoyaltyApi;
import dev.bulkhead.platform.PublishedQuery;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Collects points and answers how many a customer has. */
@Service
public class Loyalty implements LoyaltyApi {

    private final PointsBalanceRepository balances;

    Loyalty(PointsBalanceRepository balances) {
        this.balances = balances;
    }

    @Override
    @PublishedQuery
    public long pointsOf(UUID customerId) {
        return balances.findById(customerId).map(PointsBalance::points).orElse(0L);
    }

    @Transactional
    public void award(UUID customerId, long points) {
        PointsBalance balance = balances.findById(customerId).orElseGet(() -> balances.save(new PointsBalance(customerId)));
        balance.add(points);
    }

    /** The login and role the module's own statements run as. */
    @Transactional(readOnly = true)
    public String databaseIdentity() {
        return balances.databaseIdentity();
    }
}
