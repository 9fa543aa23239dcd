package dev.bulkhead.billing.internal;

import dev.bulkhead.kernel.Money;
import dev.bulkhead.user.UserId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.jmolecules.ddd.annotation.AggregateRoot;
import org.springframework.data.domain.Persistable;

/**
 * A user's account, keyed by the user's id. Holds billing's own copy of the user fields it needs
 * (email, name, active), fed by the user module's events. The balance is the sum of the account's
 * ledger entries; it moves only together with a new entry, and a database check keeps it at zero
 * or above.
 */
@Entity
@Table(schema = BillingSchema.NAME, name = "accounts")
@AggregateRoot
class Account implements Persistable<UUID> {

    @Id
    @Column(name = "user_id")
    private UUID userId;

    @Column(nullable = false)
    private String email;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private boolean active;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(name = "balance_minor", nullable = false)
    private long balanceMinor;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Version
    private Long version;

    protected Account() {
    }

    Account(UserId userId, String email, String name, String currency, Instant openedAt) {
        this.userId = userId.value();
        this.email = email;
        this.name = name;
        this.active = true;
        this.currency = currency;
        this.balanceMinor = 0;
        this.openedAt = openedAt;
    }

    UserId userId() {
        return new UserId(userId);
    }

    boolean isActive() {
        return active;
    }

    String currency() {
        return currency;
    }

    Money balance() {
        return Money.of(balanceMinor, currency);
    }

    /** Brings the copy of the user's fields back in line with the user module. */
    void copyFrom(String sourceEmail, String sourceName, boolean sourceActive) {
        this.email = sourceEmail;
        this.name = sourceName;
        this.active = sourceActive;
    }

    void rename(String newName) {
        this.name = newName;
    }

    void deactivate() {
        this.active = false;
    }

    /** Applies a ledger entry's signed amount; the caller has checked it cannot overdraw. */
    void apply(LedgerEntry entry) {
        balanceMinor = Math.addExact(balanceMinor, entry.signedAmount().minorUnits());
    }

    /**
     * Spring Data asks this on every save. Without it, it reads the version through a bean property this class does not
     * have, and pays for an exception on each save before falling back to the field.
     */
    @Override
    public boolean isNew() {
        return version == null;
    }

    @Override
    public UUID getId() {
        return userId;
    }
}
