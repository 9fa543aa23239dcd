package dev.bulkhead.billing.internal;

import dev.bulkhead.billing.PaymentFailed;
import dev.bulkhead.billing.PaymentFailureReason;
import dev.bulkhead.billing.PaymentRefunded;
import dev.bulkhead.billing.RefundRequest;
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
 * The compensating transaction of a charge: answers a {@link RefundRequest} of any module (ADR 0012).
 * Like a charge it locks the account first, so a charge and a refund for the same reference never
 * interleave, and it applies each request once ({@link BillingInbox}); the ledger's unique index
 * allows one REFUND entry per charge reference whatever happens.
 */
@Component
class RefundProcessor {

    private static final Logger log = LoggerFactory.getLogger(RefundProcessor.class);

    private final AccountRepository accounts;
    private final LedgerRepository ledger;
    private final PaymentRepository payments;
    private final BillingInbox inbox;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RefundProcessor(AccountRepository accounts, LedgerRepository ledger, PaymentRepository payments,
            BillingInbox inbox, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.ledger = ledger;
        this.payments = payments;
        this.inbox = inbox;
        this.events = events;
        this.clock = clock;
    }

    @Step("refund")
    @ApplicationModuleListener
    void on(RefundRequest request) {
        if (!inbox.firstDelivery(request.eventId(), "RefundProcessor.on(RefundRequest)")) {
            log.debug("Refund request {} already applied; ignoring the redelivery", request.eventId());
            return;
        }
        Optional<Account> account = accounts.findForUpdate(request.payer().value());
        Instant now = clock.instant();
        Optional<Payment> payment = payments.findByChargeReference(request.chargeReference());
        if (payment.isEmpty()) {
            // not charged yet: withdraw the charge, so the request that may still come takes nothing; and say so, as
            // for any refused charge: the order has already left PENDING_PAYMENT (it asked for the refund) and ignores
            // it, and the readers that show why a charge failed (the order history) learn it from the event
            Payment withdrawn = payments.save(Payment.failed(request.chargeReference(), request.payer(), request.amount(),
                    PaymentFailureReason.WITHDRAWN, now));
            events.publishEvent(new PaymentFailed(UUID.randomUUID(), withdrawn.id(), request.chargeReference(), request.payer(),
                    request.amount(), PaymentFailureReason.WITHDRAWN, now));
            log.debug("Charge {} withdrawn before it was made", request.chargeReference());
            return;
        }
        Payment charged = payment.get();
        if (charged.status() != Payment.Status.COMPLETED) {
            log.debug("Charge {} is {}; nothing to give back", request.chargeReference(), charged.status());
            return;
        }
        if (account.isEmpty() || !charged.payer().equals(request.payer())) {
            throw new IllegalStateException("refund request " + request.eventId() + " names payer " + request.payer()
                    + " but charge " + request.chargeReference() + " was paid by " + charged.payer());
        }
        LedgerEntry refund = ledger.save(LedgerEntry.refund(charged.payer(), charged.amount(), request.chargeReference(), now));
        account.get().apply(refund);
        charged.markRefunded();
        events.publishEvent(new PaymentRefunded(UUID.randomUUID(), refund.id(), charged.id(), request.chargeReference(),
                charged.payer(), charged.amount(), now));
    }
}
