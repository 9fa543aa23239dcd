package dev.bulkhead.history.internal;

import dev.bulkhead.history.OrderHistoryEntry;
import dev.bulkhead.kernel.Money;
import dev.bulkhead.order.OrderId;
import dev.bulkhead.order.OrderStatus;
import dev.bulkhead.platform.TableRows;
import dev.bulkhead.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The read model's tables in the {@code order_history} schema. Every write is an upsert that sets
 * only what its event knows, so events may arrive in any order; a status only moves to a newer one. Readers read the
 * active one of the read model's two tables ({@link ReadModelTables}, ADR 0034); the projection writes both
 * (ADR 0044).
 */
@Repository
class OrderHistoryStore {

    static final String PROJECTION = "order-history";

    /** Below every id: the nil UUID sorts first in PostgreSQL. A range with no lower bound starts after it. */
    static final UUID FIRST = new UUID(0, 0);

    private final JdbcClient jdbc;
    private final ReadModelTables tables;

    OrderHistoryStore(JdbcClient jdbc, ReadModelTables tables) {
        this.jdbc = jdbc;
        this.tables = tables;
    }

    /** Records the event as applied; false when it was applied before (a redelivery). */
    boolean firstDelivery(UUID eventId, String eventType, Instant at) {
        return jdbc.sql("INSERT INTO order_history.applied_events (event_id, event_type, applied_at) VALUES (?, ?, ?) "
                        + "ON CONFLICT (event_id) DO NOTHING")
                .params(eventId, eventType, Timestamp.from(at)).update() == 1;
    }

    void placed(OrderId orderId, UserId userId, Money total, Instant placedAt) {
        jdbc.sql(inBothTables("""
                        INSERT INTO order_history.%1$s (order_id, user_id, status, status_at, currency, total_minor, placed_at,
                            updated_at)
                        VALUES (:order, :user, 'PENDING_PAYMENT', :placedAt, :currency, :total, :placedAt, now())
                        ON CONFLICT (order_id) DO UPDATE SET user_id = EXCLUDED.user_id,
                            status = COALESCE(order_history.%1$s.status, EXCLUDED.status),
                            status_at = COALESCE(order_history.%1$s.status_at, EXCLUDED.status_at),
                            currency = EXCLUDED.currency, total_minor = EXCLUDED.total_minor, placed_at = EXCLUDED.placed_at,
                            updated_at = now()"""))
                .param("order", orderId.value()).param("user", userId.value()).param("placedAt", Timestamp.from(placedAt))
                .param("currency", total.currency()).param("total", total.minorUnits())
                .update();
    }

    void status(OrderId orderId, OrderStatus status, Instant at) {
        jdbc.sql(inBothTables("""
                        INSERT INTO order_history.%1$s (order_id, status, status_at, updated_at) VALUES (:order, :status, :at, now())
                        ON CONFLICT (order_id) DO UPDATE SET status = EXCLUDED.status, status_at = EXCLUDED.status_at,
                            updated_at = now()
                        WHERE order_history.%1$s.status_at IS NULL OR order_history.%1$s.status_at <= EXCLUDED.status_at"""))
                .param("order", orderId.value()).param("status", status.name()).param("at", Timestamp.from(at))
                .update();
    }

    void paid(UUID orderId, Money amount) {
        jdbc.sql(inBothTables("""
                        INSERT INTO order_history.%1$s (order_id, paid_minor, currency, updated_at) VALUES (:order, :amount, :currency, now())
                        ON CONFLICT (order_id) DO UPDATE SET paid_minor = EXCLUDED.paid_minor, updated_at = now()"""))
                .param("order", orderId).param("amount", amount.minorUnits()).param("currency", amount.currency())
                .update();
    }

    void refunded(UUID orderId, Money amount) {
        jdbc.sql(inBothTables("""
                        INSERT INTO order_history.%1$s (order_id, refunded_minor, currency, updated_at)
                        VALUES (:order, :amount, :currency, now())
                        ON CONFLICT (order_id) DO UPDATE SET refunded_minor = EXCLUDED.refunded_minor, updated_at = now()"""))
                .param("order", orderId).param("amount", amount.minorUnits()).param("currency", amount.currency())
                .update();
    }

    void failed(UUID orderId, String reason) {
        jdbc.sql(inBothTables("""
                        INSERT INTO order_history.%1$s (order_id, failure_reason, updated_at) VALUES (:order, :reason, now())
                        ON CONFLICT (order_id) DO UPDATE SET failure_reason = EXCLUDED.failure_reason, updated_at = now()"""))
                .param("order", orderId).param("reason", reason)
                .update();
    }

    /**
     * One statement that applies an event's upsert ({@code %1$s} for the table) to both of the read model's tables:
     * the one readers read and the one the next rebuild fills, whichever is which (ADR 0044). Kept complete, the
     * second makes every rebuild an update of rows already there rather than an insert of each order with four index
     * entries while readers wait (ADR 0043, amendment of 2026-12-06). Writing both, the projection does not read which
     * one is active, and every event writes them in the same order.
     */
    private static String inBothTables(String upsert) {
        return "WITH written_first AS (\n" + upsert.formatted(ReadModelTables.ORDERS) + "\n)\n"
                + upsert.formatted(ReadModelTables.ALTERNATE);
    }

    /**
     * Replaces rows of the active table with what the owning modules say, for reconciliation: one statement for the
     * given entries, whatever their number (a page writes its range in parts, ADR 0042). A row the projection touched
     * since {@code readFrom} is left alone: it knows more than the read that found it drifted, and the next run
     * compares it again.
     *
     * @param statusAt for each entry, when its order reached its status
     * @return the rows written
     */
    int replaceAll(List<OrderHistoryEntry> entries, List<Instant> statusAt, Instant readFrom) {
        if (entries.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                INSERT INTO %s AS t (order_id, user_id, status, status_at, currency, total_minor, paid_minor, refunded_minor,
                    failure_reason, placed_at, updated_at)
                SELECT r.order_id, r.user_id, r.status, r.status_at, r.currency, r.total_minor, r.paid_minor, r.refunded_minor,
                    r.failure_reason, r.placed_at, now()
                FROM %s
                ON CONFLICT (order_id) DO UPDATE SET user_id = EXCLUDED.user_id, status = EXCLUDED.status, status_at = EXCLUDED.status_at,
                    currency = EXCLUDED.currency, total_minor = EXCLUDED.total_minor, paid_minor = EXCLUDED.paid_minor,
                    refunded_minor = EXCLUDED.refunded_minor, failure_reason = EXCLUDED.failure_reason,
                    placed_at = EXCLUDED.placed_at, updated_at = now()
                WHERE t.updated_at < :readFrom""".formatted(tables.current().activeTable(), PageColumns.UNNEST))
                .paramSource(PageColumns.of(entries, statusAt).parameters().addValue("readFrom", Timestamp.from(readFrom)))
                .update();
    }

    /**
     * Writes a range of rebuilt rows (a page, or a part of one) into the table being built, in one statement, without
     * losing what the projection wrote there since the rows were read from the owning modules (the range's
     * {@code readFrom}, database time taken before that read; ADR 0034). A row the projection last touched before then
     * is replaced: the read saw everything its events said. A row it touched since keeps what the projection knows and
     * takes from the rebuild only what it lacks; its status is whichever is newer by the time of the change, and money
     * taken or given back only grows.
     */
    void rebuilt(String table, SourceRange range) {
        if (range.entries().isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO order_history.%1$s AS t (order_id, user_id, status, status_at, currency, total_minor, paid_minor,
                    refunded_minor, failure_reason, placed_at, updated_at)
                SELECT r.order_id, r.user_id, r.status, r.status_at, r.currency, r.total_minor, r.paid_minor, r.refunded_minor,
                    r.failure_reason, r.placed_at, now()
                FROM %2$s
                ON CONFLICT (order_id) DO UPDATE SET
                    user_id = CASE WHEN t.updated_at < :readFrom THEN EXCLUDED.user_id ELSE COALESCE(t.user_id, EXCLUDED.user_id) END,
                    status = CASE WHEN t.status_at IS NULL OR t.status_at <= EXCLUDED.status_at THEN EXCLUDED.status ELSE t.status END,
                    status_at = GREATEST(t.status_at, EXCLUDED.status_at),
                    currency = EXCLUDED.currency, total_minor = EXCLUDED.total_minor, placed_at = EXCLUDED.placed_at,
                    paid_minor = CASE WHEN t.updated_at < :readFrom THEN EXCLUDED.paid_minor
                        ELSE GREATEST(t.paid_minor, EXCLUDED.paid_minor) END,
                    refunded_minor = CASE WHEN t.updated_at < :readFrom THEN EXCLUDED.refunded_minor
                        ELSE GREATEST(t.refunded_minor, EXCLUDED.refunded_minor) END,
                    failure_reason = CASE WHEN t.updated_at < :readFrom THEN EXCLUDED.failure_reason
                        ELSE COALESCE(t.failure_reason, EXCLUDED.failure_reason) END,
                    updated_at = now()""".formatted(table, PageColumns.UNNEST))
                .paramSource(PageColumns.of(range.entries(), range.statusAt()).parameters()
                        .addValue("readFrom", Timestamp.from(range.readFrom())))
                .update();
    }

    /**
     * Removes the rows of a range that belong to no order the owning modules know (orders gone, or what an earlier
     * model left in the table a rebuild fills): a row in the range whose order the range's read did not return and
     * that the projection last touched before that read. One statement; the rows of orders placed since the read
     * stay.
     *
     * @param table {@code orders} or {@code orders_alternate}, from {@link ReadModelTables}
     * @return the rows removed
     */
    int removeLeftovers(String table, SourceRange range) {
        String upTo = range.upTo() == null ? "" : "AND t.order_id <= :upTo";
        // NOT IN a subquery is planned as a hashed subplan: the range is read once by its index and each row looked up
        // in a hash of the kept ids. A NOT EXISTS or <> ALL against the array may be planned as a nested loop over
        // both (a million comparisons a page); the EXCEPT this used before was hash-joined with the whole table once
        // the table was narrow enough to make a sequential scan look cheap (ADR 0043). The ids are never null.
        return jdbc.sql("""
                DELETE FROM order_history.%s t
                WHERE t.order_id > :after %s AND t.updated_at < :readFrom
                  AND t.order_id NOT IN (SELECT unnest(CAST(:kept AS uuid[])))"""
                        .formatted(table, upTo))
                .param("after", range.after() == null ? FIRST : range.after())
                .param("upTo", range.upTo())
                .param("readFrom", Timestamp.from(range.readFrom()))
                .param("kept", range.orderIds())
                .update();
    }

    /** The database's clock now, outside any transaction's start time: the moment a rebuild page is read from. */
    Instant databaseNow() {
        return jdbc.sql("SELECT clock_timestamp()").query(Timestamp.class).single().toInstant();
    }

    /** The active table's rows, estimated when large ({@link TableRows}); call it in a transaction. */
    long count() {
        return TableRows.of(jdbc, tables.current().activeTable());
    }

    void rebuiltNow() {
        jdbc.sql("UPDATE order_history.projection_state SET rebuilt_at = now() WHERE projection = ?").param(PROJECTION).update();
    }

    /**
     * Which entries the active table does not hold as they are (a row missing, or any column other), compared in the
     * database in one statement: a page's thousand rows are not carried to this process to be compared here. Compares
     * what {@link OrderHistoryEntry#equals} compares but the customer's name and email, which the order's row does not
     * hold ({@link CustomerCopy}).
     */
    Set<UUID> differing(List<OrderHistoryEntry> entries) {
        if (entries.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("""
                SELECT r.order_id
                FROM %s
                LEFT JOIN %s t ON t.order_id = r.order_id
                WHERE t.order_id IS NULL
                   OR (t.user_id, t.status, t.currency, t.total_minor, t.paid_minor, t.refunded_minor, t.failure_reason,
                       t.placed_at)
                      IS DISTINCT FROM (r.user_id, r.status, r.currency, r.total_minor, r.paid_minor, r.refunded_minor,
                       r.failure_reason, r.placed_at)""".formatted(PageColumns.UNNEST,
                        tables.current().activeTable()))
                .paramSource(PageColumns.of(entries, null).parameters())
                .query(UUID.class).list());
    }

    /**
     * Support's search, newest first. A text matches the customers whose name or email holds it now, found by their
     * trigram indexes (db/history V6), and then their orders. The page of orders is chosen first and only its rows are
     * joined to their customers, for the name and email shown (ADR 0043): an order's row holds only the user's id.
     * Only the filters asked for are written into the statement, so that each combination is a statement of its own
     * with a plan of its own: one statement with {@code (:x IS NULL OR …)} for every filter served its searches only
     * while PostgreSQL planned each call for its values, and read the whole order index in a plan made once for all
     * values (2.9 s on a million orders; ADR 0040, seventh amendment).
     */
    List<OrderHistoryEntry> search(OrderHistoryQuery query) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (query.customer() != null) {
            conditions.add("user_id = :customer");
            parameters.put("customer", query.customer().value());
        }
        if (query.status() != null) {
            conditions.add("status = :status");
            parameters.put("status", query.status().name());
        }
        if (query.from() != null) {
            conditions.add("placed_at >= CAST(:from AS timestamptz)");
            parameters.put("from", Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            conditions.add("placed_at < CAST(:to AS timestamptz)");
            parameters.put("to", Timestamp.from(query.to()));
        }
        if (query.text() != null) {
            conditions.add("""
                    user_id IN (SELECT found.user_id FROM order_history.customers found
                                WHERE found.name ILIKE :pattern OR found.email ILIKE :pattern)""");
            parameters.put("pattern", "%" + escapeLike(query.text()) + "%");
        }
        parameters.put("size", query.size());
        parameters.put("offset", (long) query.page() * query.size());
        return jdbc.sql("""
                SELECT o.order_id, o.user_id, c.name AS customer_name, c.email AS customer_email, o.status, o.currency,
                    o.total_minor, o.paid_minor, o.refunded_minor, o.failure_reason, o.placed_at
                FROM (SELECT * FROM %s
                      %s
                      ORDER BY placed_at DESC NULLS LAST, order_id
                      LIMIT :size OFFSET :offset) o
                LEFT JOIN order_history.customers c ON c.user_id = o.user_id
                ORDER BY o.placed_at DESC NULLS LAST, o.order_id""".formatted(tables.current().activeTable(),
                        conditions.isEmpty() ? "" : "WHERE " + String.join("\n        AND ", conditions)))
                .params(parameters)
                .query(OrderHistoryStore::entry).list();
    }

    /**
     * How far the projection got: the last event it applied and how many it applied, read from the events
     * themselves (no row is updated per delivery, so deliveries never wait for each other), and when it was last
     * rebuilt. The marks pruned by the retention job (ADR 0033) still count: a trigger adds them up in
     * {@code projection_state} as they are deleted, with the newest of them, the last event when every mark is gone.
     * The marks kept are counted when few and, from {@link TableRows#EXACT_BELOW} up, estimated
     * ({@code events_applied_estimated}): counting three million took 200 ms of an operator's page (ADR 0040).
     */
    Map<String, Object> state() {
        TableRows.Rows kept = TableRows.counted(jdbc, "order_history.applied_events");
        Map<String, Object> state = new LinkedHashMap<>(jdbc.sql("""
                SELECT coalesce(last.event_id, state.pruned_last_event_id) AS last_event_id,
                    coalesce(last.event_type, state.pruned_last_event_type) AS last_event_type,
                    coalesce(last.applied_at, state.pruned_last_applied_at) AS last_applied_at,
                    :kept + state.pruned_events AS events_applied, state.rebuilt_at
                FROM order_history.projection_state state
                LEFT JOIN LATERAL (SELECT event_id, event_type, applied_at FROM order_history.applied_events
                                   ORDER BY applied_at DESC LIMIT 1) last ON true
                WHERE state.projection = :projection""").param("kept", kept.rows()).param("projection", PROJECTION)
                .query().singleRow());
        state.put("events_applied_estimated", kept.estimated());
        return state;
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static OrderHistoryEntry entry(ResultSet row, int number) throws SQLException {
        String currency = row.getString("currency");
        Long total = (Long) row.getObject("total_minor");
        UUID user = row.getObject("user_id", UUID.class);
        String status = row.getString("status");
        Timestamp placed = row.getTimestamp("placed_at");
        return new OrderHistoryEntry(new OrderId(row.getObject("order_id", UUID.class)), user == null ? null : new UserId(user),
                row.getString("customer_name"), row.getString("customer_email"),
                status == null ? null : OrderStatus.valueOf(status),
                currency == null || total == null ? null : Money.of(total, currency),
                currency == null ? null : Money.of(row.getLong("paid_minor"), currency),
                currency == null ? null : Money.of(row.getLong("refunded_minor"), currency),
                row.getString("failure_reason"), placed == null ? null : placed.toInstant());
    }
}
