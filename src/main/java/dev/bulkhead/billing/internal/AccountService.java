package dev.bulkhead.billing.internal;

import dev.bulkhead.platform.Idempotency;
import dev.bulkhead.platform.Caller;
import dev.bulkhead.billing.BillingApi;
import dev.bulkhead.billing.BillingSummary;
import dev.bulkhead.kernel.Money;
import dev.bulkhead.platform.PublishedQuery;
import dev.bulkhead.platform.RejectedRequest;
import dev.bulkhead.user.UserId;
import java.time.Clock;
import dev.bulkhead.billing.ChargeView;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Top-ups, and the read-only summary other modules and clients see. */
@Service
class AccountService implements BillingApi {

    private final AccountRepository accounts;
    private final LedgerRepository ledger;
    private final PaymentRepository payments;
    private final ChargeViews charges;
    private final Clock clock;
    private final Idempotency idempotency;
    private final BillingIdempotencyKeys idempotencyKeys;

    AccountService(AccountRepository accounts, LedgerRepository ledger, PaymentRepository payments, ChargeViews charges,
            Clock clock, Idempotency idempotency, BillingIdempotencyKeys idempotencyKeys) {
        this.charges = charges;
        this.idempotency = idempotency;
        this.idempotencyKeys = idempotencyKeys;
        this.accounts = accounts;
        this.ledger = ledger;
        this.payments = payments;
        this.clock = clock;
    }

    /** {@link #topUp} once per {@code Idempotency-Key}: a retry gets the first result and adds no money. */
    @Transactional
    BillingSummary topUpOnce(String idempotencyKey, Object request, UserId userId, Money amount) {
        return idempotency.once(idempotencyKeys, idempotencyKey, "POST /v1/billing/accounts/" + userId + "/top-ups", request,
                BillingSummary.class, () -> topUp(userId, amount));
    }

    @Transactional
    BillingSummary topUp(UserId userId, Money amount) {
        Caller.requireChangeAccessTo(userId.value(), "balance");
        Account account = accounts.findForUpdate(userId.value())
                .orElseThrow(() -> RejectedRequest.notFound("billing account for user", userId));
        if (!account.isActive()) {
            throw RejectedRequest.conflict("userId", "the account of user " + userId + " is deactivated");
        }
        if (!amount.hasCurrency(account.currency())) {
            throw RejectedRequest.unprocessable("currency",
                    "the account is kept in " + account.currency() + ", not " + amount.currency());
        }
        account.apply(ledger.save(LedgerEntry.topUp(userId, amount, clock.instant())));
        return summaryOf(account);
    }

    @Override
    @PublishedQuery
    public Optional<BillingSummary> findSummary(UserId userId) {
        Caller.requireReadAccessTo(userId.value(), "balance");
        return accounts.findById(userId.value()).map(this::summaryOf);
    }

    @Override
    @PublishedQuery
    public List<ChargeView> findCharges(Collection<UUID> chargeReferences) {
        Caller.requireStaff("charges of many orders");
        if (chargeReferences.size() > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("at most " + MAX_BATCH_SIZE + " references per call, got " + chargeReferences.size());
        }
        if (chargeReferences.isEmpty()) {
            return List.of();
        }
        return charges.byReferences(chargeReferences);
    }

    private BillingSummary summaryOf(Account account) {
        Limit recent = Limit.of(RECENT_ENTRIES);
        var recentPayments = payments.findByUserIdOrderByOccurredAtDesc(account.userId().value(), recent).stream()
                .map(Payment::toSummary)
                .toList();
        var recentRefunds = ledger.findByUserIdAndKindOrderByOccurredAtDesc(account.userId().value(),
                        LedgerEntry.Kind.REFUND, recent).stream()
                .map(entry -> new BillingSummary.Refund(entry.id(), entry.chargeReference(), entry.signedAmount(),
                        entry.occurredAt()))
                .toList();
        return new BillingSummary(account.userId(), account.isActive(), account.balance(), recentPayments, recentRefunds);
    }
}
