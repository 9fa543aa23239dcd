package dev.bulkhead.billing.internal;

import dev.bulkhead.billing.ChargeRequest;
import dev.bulkhead.billing.PaymentCompleted;
import dev.bulkhead.billing.PaymentFailed;
import dev.bulkhead.billing.PaymentFailureReason;
import dev.bulkhead.kernel.Money;
import dev.bulkhead.platform.Step;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns charge requests into payments. Runs in its own transaction after the requesting module
 * committed: the account row is locked, the outcome stored, and the outcome event published in
 * the same transaction, so billing's state and its announcement never disagree. At most one payment
 * is made per charge reference (unique in {@code payments}, and one CHARGE entry per reference in the
 * ledger), and each request is applied once ({@link BillingInbox}).
 */
@Component
class PaymentProcessor {

    private static final Logger log = LoggerFactory.getLogger(PaymentProcessor.class);

    private final AccountRepository accounts;
    private final LedgerRepository ledger;
    private final PaymentRepository payments;
    private final BillingInbox inbox;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PaymentProcessor(AccountRepository accounts, LedgerRepository ledger, PaymentRepository payments,
            BillingInbox inbox, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.inbox = inbox;
        this.ledger = ledger;
        this.payments = payments;
        this.events = events;
        this.clock = clock;
    }

    @Step("charge")
    @ApplicationModuleListener
    void on(ChargeRequest request) {
        if (!inbox.firstDelivery(request.eventId(), "PaymentProcessor.on(ChargeRequest)")) {
            log.debug("Charge request {} already applied; ignoring the redelivery", request.eventId());
            return;
        }
        Optional<Account> account = accounts.findForUpdate(request.payer().value());
        if (payments.existsByChargeReference(request.chargeReference())) {
            // charged or refused by an earlier request for the same reference, or withdrawn by a RefundRequest
            log.debug("Charge {} already handled or withdrawn; ignoring request {}", request.chargeReference(), request.eventId());
            return;
        }
        Instant now = clock.instant();
        Optional<PaymentFailureReason> refusal = refusal(account, request.amount());
        if (refusal.isPresent()) {
            Payment payment = payments.save(Payment.failed(request.chargeReference(), request.payer(), request.amount(),
                    refusal.get(), now));
            events.publishEvent(new PaymentFailed(UUID.randomUUID(), payment.id(), request.chargeReference(),
                    request.payer(), request.amount(), refusal.get(), now));
            return;
        }
        LedgerEntry charge = ledger.save(LedgerEntry.charge(request.payer(), request.amount(), request.chargeReference(), now));
        account.get().apply(charge);
        Payment payment = payments.save(Payment.completed(request.chargeReference(), request.payer(), request.amount(), now));
        events.publishEvent(new PaymentCompleted(UUID.randomUUID(), payment.id(), request.chargeReference(),
                request.payer(), request.amount(), now));
    }

    private static Optional<PaymentFailureReason> refusal(Optional<Account> account, Money amount) {
        if (account.isEmpty()) {
            return Optional.of(PaymentFailureReason.UNKNOWN_ACCOUNT);
        }
        if (!account.get().isActive()) {
            return Optional.of(PaymentFailureReason.ACCOUNT_DEACTIVATED);
        }
        if (!amount.hasCurrency(account.get().currency())) {
            return Optional.of(PaymentFailureReason.CURRENCY_MISMATCH);
        }
        if (account.get().balance().isLessThan(amount)) {
            return Optional.of(PaymentFailureReason.INSUFFICIENT_FUNDS);
        }
        return Optional.empty();
    }
}
