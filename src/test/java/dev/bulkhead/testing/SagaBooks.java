package dev.bulkhead.testing;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The saga's books, read straight from the database past the application: whether every order is in a state its
 * ledger entries agree with, and every balance follows from its ledger. Each check returns what violates it, so an
 * assertion shows the offending rows.
 */
public final class SagaBooks {

    private final DatabaseInspector database;

    public SagaBooks(DatabaseInspector database) {
        this.database = database;
    }

    /** Orders still waiting for their payment, and event deliveries not completed. */
    public long unsettled() {
        return database.count("select count(*) from orders.orders where status in ('PENDING_PAYMENT', 'REFUND_PENDING')")
                + database.count("select count(*) from events.event_publication where completion_date is null");
    }

    /** What is not settled yet, one line each, for a failure message. */
    public List<String> describeUnsettled() {
        List<String> lines = new java.util.ArrayList<>(strings(
                "select 'order ' || id || ' ' || status from orders.orders where status in ('PENDING_PAYMENT', 'REFUND_PENDING')"));
        lines.addAll(strings("""
                select 'publication ' || id || ' ' || event_type || ' to ' || listener_id || ': ' || coalesce(status, '-')
                       || ', attempts ' || coalesce(completion_attempts, 0) || ', published ' || publication_date
                       || ', resubmitted ' || coalesce(cast(last_resubmission_date as text), '-')
                from events.event_publication where completion_date is null"""));
        return lines;
    }

    /** One charge of the order's total per PAID order, one charge and one refund per REFUNDED one, nothing for the others. */
    public List<String> ordersAtOddsWithTheLedger() {
        return strings("""
                select o.id || ' ' || o.status || ' total ' || o.total_minor || ': ' || charges || ' charge(s) of ' || charged
                       || ', ' || refunds || ' refund(s) of ' || refunded
                from orders.orders o
                cross join lateral (
                    select count(*) filter (where l.kind = 'CHARGE') as charges,
                           coalesce(-sum(l.amount_minor) filter (where l.kind = 'CHARGE'), 0) as charged,
                           count(*) filter (where l.kind = 'REFUND') as refunds,
                           coalesce(sum(l.amount_minor) filter (where l.kind = 'REFUND'), 0) as refunded
                    from billing.ledger_entries l where l.charge_reference = o.id) ledger
                where not (
                       (o.status = 'PAID' and charges = 1 and charged = o.total_minor and refunds = 0)
                    or (o.status = 'REFUNDED' and charges = 1 and charged = o.total_minor and refunds = 1 and refunded = o.total_minor)
                    or (o.status in ('PAYMENT_FAILED', 'EXPIRED') and charges = 0 and refunds = 0))""");
    }

    /** Accounts whose balance is not their top-ups minus charges plus refunds, or is negative. */
    public List<String> accountsAtOddsWithTheLedger() {
        return strings("""
                select a.user_id || ': balance ' || a.balance_minor || ', top-ups ' || topups || ', charges ' || charges
                       || ', refunds ' || refunds
                from billing.accounts a
                cross join lateral (
                    select coalesce(sum(amount_minor) filter (where kind = 'TOP_UP'), 0) as topups,
                           coalesce(-sum(amount_minor) filter (where kind = 'CHARGE'), 0) as charges,
                           coalesce(sum(amount_minor) filter (where kind = 'REFUND'), 0) as refunds
                    from billing.ledger_entries l where l.user_id = a.user_id) ledger
                where a.balance_minor <> topups - charges + refunds or a.balance_minor < 0""");
    }

    /** Orders that entered one state twice: a step of the saga applied twice, or a timeline that says so. */
    public List<String> stepsAppliedTwice() {
        return strings("""
                select order_id || ' entered ' || to_status || ' ' || count(*) || ' times' from orders.order_transitions
                group by order_id, to_status having count(*) > 1""");
    }

    /** Charges or refunds that belong to no order. */
    public List<String> strayLedgerEntries() {
        return strings("""
                select l.id || ' ' || l.kind from billing.ledger_entries l
                where l.kind <> 'TOP_UP' and not exists (select 1 from orders.orders o where o.id = l.charge_reference)""");
    }

    /** The ids of the orders of these customers. */
    public Set<String> ordersOf(List<UUID> customers) {
        return new TreeSet<>(strings("select cast(id as text) from orders.orders where user_id in (" + quoted(customers) + ")"));
    }

    /** How many orders of these customers are in {@code status}. */
    public long ordersIn(String status, List<UUID> customers) {
        return database.count("select count(*) from orders.orders where status = ? and user_id in (" + quoted(customers) + ")", status);
    }

    /** UUIDs as SQL literals: their text is hex digits and dashes only. */
    private static String quoted(List<UUID> ids) {
        return ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(", "));
    }

    private List<String> strings(String sql) {
        return database.sql(sql).query(String.class).list();
    }
}
