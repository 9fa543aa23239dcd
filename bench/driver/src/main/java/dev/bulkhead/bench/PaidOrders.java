package dev.bulkhead.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Which orders have reached PAID, read from their own timelines ({@code orders.order_transitions}, the PAID row's
 * {@code occurred_at}) over a superuser connection. Reading the database rather than the API adds no requests to
 * the application while a backlog drains.
 */
final class PaidOrders {

    private final Connection database;

    PaidOrders(Connection database) {
        this.database = database;
    }

    /**
     * Polls until every order has a PAID row or {@code timeout} is over; returns when each paid order was paid
     * (epoch microseconds). Each poll asks only for the orders not seen paid yet: the polls run while a saturated
     * step's backlog drains, and must not load the database they are measuring more than they have to.
     */
    Map<UUID, Long> await(Collection<UUID> orders, Duration timeout) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<UUID, Long> paid = new HashMap<>();
        Set<UUID> waiting = new HashSet<>(orders);
        while (true) {
            Map<UUID, Long> found = read(waiting);
            paid.putAll(found);
            waiting.removeAll(found.keySet());
            if (waiting.isEmpty() || System.nanoTime() >= deadline) {
                return paid;
            }
            Pause.millis(250);
        }
    }

    private Map<UUID, Long> read(Set<UUID> orders) throws SQLException {
        Map<UUID, Long> paid = new HashMap<>();
        try (PreparedStatement query = database.prepareStatement("SELECT order_id, occurred_at FROM orders.order_transitions"
                + " WHERE to_status = 'PAID' AND order_id = ANY (?)")) {
            Array ids = database.createArrayOf("uuid", orders.toArray());
            query.setArray(1, ids);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    OffsetDateTime at = rows.getObject(2, OffsetDateTime.class);
                    paid.put(rows.getObject(1, UUID.class), at.toEpochSecond() * 1_000_000 + at.getNano() / 1000);
                }
            }
        }
        return paid;
    }
}
