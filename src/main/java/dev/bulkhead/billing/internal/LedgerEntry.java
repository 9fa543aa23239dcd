package dev.bulkhead.billing.internal;

import dev.bulkhead.kernel.Money;
import dev.bulkhead.user.UserId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * One movement of money on an account. Append-only: entries are never updated or deleted (a
 * trigger in the billing schema refuses both), so the ledger is the history the balance is
 * checked against. The table also holds each entry's number in the user's ledger and the balance
 * after it ({@code entry_no}, {@code balance_after_minor}); a trigger sets both on insert, whatever
 * the insert says, so they are deliberately not mapped here (ADR 0023).
 */
@Entity
@Immutable
@Table(schema = BillingSchema.NAME, name = "ledger_entries")
class LedgerEntry extends InsertedOnce {

    enum Kind {
        TOP_UP, CHARGE, REFUND
    }

    @Id
    private UUID id;

    @Column(name = "user_id", nullable = false)
    private UUID userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    /** Positive for money in (top-ups, refunds), negative for money out (charges). */
    @Column(name = "amount_minor", nullable = false)
    private long amountMinor;

    @Column(nullable = false, length = 3)
    private String currency;

    /** The charge this entry belongs to; null for top-ups. */
    @Column(name = "charge_reference")
    private UUID chargeReference;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected LedgerEntry() {
    }

    private LedgerEntry(UserId userId, Kind kind, Money signedAmount, UUID chargeReference, Instant occurredAt) {
        this.id = UUID.randomUUID();
        this.userId = userId.value();
        this.kind = kind;
        this.amountMinor = signedAmount.minorUnits();
        this.currency = signedAmount.currency();
        this.chargeReference = chargeReference;
        this.occurredAt = occurredAt;
    }

    static LedgerEntry topUp(UserId userId, Money amount, Instant at) {
        return new LedgerEntry(userId, Kind.TOP_UP, amount, null, at);
    }

    static LedgerEntry charge(UserId userId, Money amount, UUID chargeReference, Instant at) {
        return new LedgerEntry(userId, Kind.CHARGE, amount.negate(), chargeReference, at);
    }

    static LedgerEntry refund(UserId userId, Money amount, UUID chargeReference, Instant at) {
        return new LedgerEntry(userId, Kind.REFUND, amount, chargeReference, at);
    }

    @Override
    public UUID getId() {
        return id;
    }

    UUID id() {
        return id;
    }

    Kind kind() {
        return kind;
    }

    Money signedAmount() {
        return Money.of(amountMinor, currency);
    }

    UUID chargeReference() {
        return chargeReference;
    }

    Instant occurredAt() {
        return occurredAt;
    }
}
