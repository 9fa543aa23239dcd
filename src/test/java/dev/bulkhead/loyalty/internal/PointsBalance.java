package dev.bulkhead.loyalty.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity
@Table(schema = LoyaltySchema.NAME, name = "balances")
class PointsBalance {

    @Id
    @Column(name = "customer_id")
    private UUID customerId;

    private long points;

    protected PointsBalance() {
    }

    PointsBalance(UUID customerId) {
        this.customerId = customerId;
    }

    void add(long more) {
        points += more;
    }

    long points() {
        return points;
    }
}
