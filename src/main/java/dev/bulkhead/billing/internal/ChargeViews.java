package dev.bulkhead.billing.internal;

import dev.bulkhead.billing.ChargeView;
import dev.bulkhead.billing.PaymentFailureReason;
import dev.bulkhead.kernel.Money;
import dev.bulkhead.platform.UuidArray;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Charges as views for the batch query other modules' paged jobs ask (a thousand orders' charges, ADR 0034,
 * "Throughput"): one plain statement, each payment with the sum of its refunds read from the refund index, instead
 * of payment entities and a second, grouped query. Money counts as taken as {@link Payment#moneyTaken} says.
 */
@Repository
class ChargeViews {

    private final JdbcClient jdbc;

    ChargeViews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The charges with these references, in no particular order; unknown references are left out. */
    List<ChargeView> byReferences(Collection<UUID> chargeReferences) {
        return jdbc.sql("""
                SELECT p.charge_reference, p.status, p.amount_minor, p.currency, p.failure_reason,
                    coalesce((SELECT sum(l.amount_minor) FROM billing.ledger_entries l
                              WHERE l.kind = 'REFUND' AND l.charge_reference = p.charge_reference), 0)::bigint AS refunded_minor
                FROM billing.payments p
                WHERE p.charge_reference = ANY(?)""")
                .param(UuidArray.of(chargeReferences))
                .query((row, number) -> {
                    String currency = row.getString("currency");
                    String failure = row.getString("failure_reason");
                    return new ChargeView(row.getObject("charge_reference", UUID.class),
                            Payment.moneyTaken(Payment.Status.valueOf(row.getString("status"))),
                            Money.of(row.getLong("amount_minor"), currency), Money.of(row.getLong("refunded_minor"), currency),
                            failure == null ? null : PaymentFailureReason.valueOf(failure));
                })
                .list();
    }
}
