package dev.bulkhead.order.internal;

import dev.bulkhead.kernel.Money;
import dev.bulkhead.order.OrderId;
import dev.bulkhead.order.OrderStatusChanged;
import dev.bulkhead.user.UserId;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes an {@link Order.StatusMove} in one statement, without loading the order: the row's status
 * is changed only if it is still the move's {@code from}, its version goes up as a save through the
 * aggregate would raise it (so a transaction holding the order as it was fails its own save), and
 * the timeline entry is appended in the same statement. The UPDATE locks the row as
 * {@link OrderRepository#findForUpdate} does, so the two paths serialise on it.
 *
 * <p>Why it exists: on the saga's common path (a pending order paid or refused) loading the aggregate
 * with its timeline and merging it back cost the order module most of its time per order (issue 20).
 * An order in any other status is left alone here, and its caller falls back to the aggregate, whose
 * methods hold every other rule.
 */
@Repository
class StatusMoves {

    private static final String MOVE = """
            WITH moved AS (
                UPDATE orders.orders SET status = :to, version = version + 1
                WHERE id = :id AND status = :from
                RETURNING id, user_id, currency, total_minor),
            entry AS (
                INSERT INTO orders.order_transitions (order_id, seq, occurred_at, cause, cause_event_id, from_status, to_status)
                SELECT id, (SELECT coalesce(max(t.seq), -1) + 1 FROM orders.order_transitions t WHERE t.order_id = :id),
                    :at, :cause, :causeEventId, :from, :to
                FROM moved)
            SELECT user_id, currency, total_minor FROM moved""";

    private final JdbcClient jdbc;

    StatusMoves(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @return the change, to be published by the caller, if the order was in {@code move.from()};
     *         empty if it is in another status or does not exist
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<OrderStatusChanged> make(UUID orderId, Order.StatusMove move, Instant at, @Nullable UUID causeEventId) {
        return jdbc.sql(MOVE)
                .param("id", orderId)
                .param("from", move.from().name())
                .param("to", move.to().name())
                .param("at", Timestamp.from(at))
                .param("cause", move.cause())
                .param("causeEventId", new SqlParameterValue(Types.OTHER, causeEventId)) // typed: no metadata round trip for a null
                .query((row, number) -> new OrderStatusChanged(UUID.randomUUID(), new OrderId(orderId),
                        new UserId(row.getObject("user_id", UUID.class)), move.from(), move.to(),
                        Money.of(row.getLong("total_minor"), row.getString("currency")), move.cause(), at))
                .optional();
    }
}
