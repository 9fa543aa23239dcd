package dev.bulkhead.order.internal;

import dev.bulkhead.kernel.Money;
import dev.bulkhead.order.OrderId;
import dev.bulkhead.order.OrderStatus;
import dev.bulkhead.order.OrderSummary;
import dev.bulkhead.order.OrderView;
import dev.bulkhead.platform.UuidArray;
import dev.bulkhead.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Orders as views and summaries, read with plain SQL for the paged jobs' batches (ADR 0034, "Throughput"): a thousand
 * orders with their lines and timelines in three statements, or a thousand summaries in one, without making entities
 * of them. Loading them through JPA spent
 * most of a page's time building entities, collections and snapshots that a read-only view never needs. The same
 * views as {@link Order#toView()}.
 */
@Repository
class OrderViews {

    private static final String COLUMNS = "id, user_id, status, currency, total_minor, placed_at";
    private static final UUID FIRST = new UUID(0, 0); // the nil UUID sorts first in PostgreSQL

    private final JdbcClient jdbc;

    OrderViews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The summaries of the orders after {@code after} (from the start when null) in id order, at most {@code limit}:
     * one statement, the timeline's last step read from its primary key's end for each order.
     */
    List<OrderSummary> summariesAfter(@Nullable OrderId after, int limit) {
        return jdbc.sql("""
                SELECT o.id, o.user_id, o.status, o.currency, o.total_minor, o.placed_at,
                    coalesce((SELECT t.occurred_at FROM orders.order_transitions t WHERE t.order_id = o.id
                              ORDER BY t.seq DESC LIMIT 1), o.placed_at) AS status_at
                FROM orders.orders o
                WHERE o.id > ?
                ORDER BY o.id
                LIMIT ?""")
                .params(after == null ? FIRST : after.value(), limit)
                .query((row, number) -> {
                    Head head = head(row, number);
                    return new OrderSummary(new OrderId(head.id()), new UserId(head.userId()), head.status(),
                            row.getTimestamp("status_at").toInstant(), Money.of(head.totalMinor(), head.currency()), head.placedAt());
                })
                .list();
    }

    /** The orders with these ids, in id order; unknown ids are left out. */
    List<OrderView> byIds(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return complete(jdbc.sql("SELECT " + COLUMNS + " FROM orders.orders WHERE id = ANY(?) ORDER BY id")
                .param(UuidArray.of(ids)).query(OrderViews::head).list());
    }

    private List<OrderView> complete(List<Head> heads) {
        if (heads.isEmpty()) {
            return List.of();
        }
        UuidArray ids = UuidArray.of(heads.stream().map(Head::id).toArray(UUID[]::new));
        Map<UUID, String> currencies = new HashMap<>();
        heads.forEach(head -> currencies.put(head.id(), head.currency()));
        Map<UUID, List<OrderView.Line>> lines = new HashMap<>();
        jdbc.sql("SELECT order_id, sku, quantity, unit_price_minor FROM orders.order_lines WHERE order_id = ANY(?) "
                        + "ORDER BY order_id, line_no")
                .param(ids)
                .query(row -> {
                    UUID order = row.getObject("order_id", UUID.class);
                    lines.computeIfAbsent(order, id -> new ArrayList<>()).add(new OrderView.Line(row.getString("sku"),
                            row.getInt("quantity"), Money.of(row.getLong("unit_price_minor"), currencies.get(order))));
                });
        Map<UUID, List<OrderView.Transition>> timelines = new HashMap<>();
        jdbc.sql("SELECT order_id, from_status, to_status, occurred_at, cause, cause_event_id FROM orders.order_transitions "
                        + "WHERE order_id = ANY(?) ORDER BY order_id, seq")
                .param(ids)
                .query(row -> {
                    String from = row.getString("from_status");
                    timelines.computeIfAbsent(row.getObject("order_id", UUID.class), id -> new ArrayList<>()).add(new OrderView.Transition(
                            from == null ? null : OrderStatus.valueOf(from), OrderStatus.valueOf(row.getString("to_status")),
                            row.getTimestamp("occurred_at").toInstant(), row.getString("cause"),
                            row.getObject("cause_event_id", UUID.class)));
                });
        return heads.stream().map(head -> new OrderView(new OrderId(head.id()), new UserId(head.userId()), head.status(),
                Money.of(head.totalMinor(), head.currency()), List.copyOf(lines.getOrDefault(head.id(), List.of())), head.placedAt(),
                List.copyOf(timelines.getOrDefault(head.id(), List.of())))).toList();
    }

    private static Head head(ResultSet row, int number) throws SQLException {
        Timestamp placed = row.getTimestamp("placed_at");
        return new Head(row.getObject("id", UUID.class), row.getObject("user_id", UUID.class),
                OrderStatus.valueOf(row.getString("status")), row.getString("currency"), row.getLong("total_minor"),
                placed.toInstant());
    }

    private record Head(UUID id, UUID userId, OrderStatus status, String currency, long totalMinor, java.time.Instant placedAt) {
    }
}
