package dev.bulkhead.billing.internal;

import dev.bulkhead.billing.BillingSummary;
import dev.bulkhead.billing.PaymentFailureReason;
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

/**
 * The outcome of one charge request. The charge reference is unique, so a request delivered twice
 * finds its payment already made and charges nothing more. A completed payment may later be
 * REFUNDED; a charge withdrawn before it was made is stored FAILED with reason WITHDRAWN.
 */
@Entity
@Table(schema = BillingSchema.NAME, name = "payments")
class Payment extends InsertedOnce {

    enum Status {
        COMPLETED, FAILED, REFUNDED
    }

    @Id
    private UUID id;

    @Column(name = "charge_reference", nullable = false, unique = true)
    private UUID chargeReference;

    @Column(name = "user_id", nullable = false)
    private UUID userId;

    @Column(name = "amount_minor", nullable = false)
    private long amountMinor;

    @Column(nullable = false, length = 3)
    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Enumerated(EnumType.STRING)
    @Column(name = "failure_reason")
    private PaymentFailureReason failureReason;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected Payment() {
    }

    private Payment(UUID chargeReference, UserId payer, Money amount, Status status, PaymentFailureReason reason,
            Instant occurredAt) {
        this.id = UUID.randomUUID();
        this.chargeReference = chargeReference;
        this.userId = payer.value();
        this.amountMinor = amount.minorUnits();
        this.currency = amount.currency();
        this.status = status;
        this.failureReason = reason;
        this.occurredAt = occurredAt;
    }

    static Payment completed(UUID chargeReference, UserId payer, Money amount, Instant at) {
        return new Payment(chargeReference, payer, amount, Status.COMPLETED, null, at);
    }

    static Payment failed(UUID chargeReference, UserId payer, Money amount, PaymentFailureReason reason, Instant at) {
        return new Payment(chargeReference, payer, amount, Status.FAILED, reason, at);
    }

    @Override
    public UUID getId() {
        return id;
    }

    UUID id() {
        return id;
    }

    UUID chargeReference() {
        return chargeReference;
    }

    /** Whether a payment in this status took the customer's money (a refund gives it back later, in the ledger). */
    static boolean moneyTaken(Status status) {
        return status == Status.COMPLETED || status == Status.REFUNDED;
    }

    Status status() {
        return status;
    }

    UserId payer() {
        return new UserId(userId);
    }

    Money amount() {
        return Money.of(amountMinor, currency);
    }

    /** The money of this completed payment was given back (the REFUND ledger entry says when). */
    void markRefunded() {
        if (status != Status.COMPLETED) {
            throw new IllegalStateException("payment " + id + " is " + status + " and cannot be refunded");
        }
        status = Status.REFUNDED;
    }

    BillingSummary.Payment toSummary() {
        return new BillingSummary.Payment(id, chargeReference, Money.of(amountMinor, currency), status.name(),
                failureReason, occurredAt);
    }
}
