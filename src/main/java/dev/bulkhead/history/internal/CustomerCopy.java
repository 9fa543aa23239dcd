package dev.bulkhead.history.internal;

import dev.bulkhead.platform.TableRows;
import dev.bulkhead.platform.UuidArray;
import dev.bulkhead.user.UserId;
import dev.bulkhead.user.UserView;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The read model's copy of the customers ({@code order_history.customers}): one row per user, with the name and email
 * the history shows beside each of the user's orders and finds them by (ADR 0043). An order's row holds only the
 * user's id, so a rename writes one row here, whatever the number of the customer's orders, and the jobs that bring
 * the history in line with the owning modules read the users once each, not once per order.
 */
@Repository
class CustomerCopy {

    private final JdbcClient jdbc;

    CustomerCopy(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void registered(UserId userId, String name, String email) {
        jdbc.sql("INSERT INTO order_history.customers (user_id, name, email, updated_at) VALUES (?, ?, ?, now()) "
                        + "ON CONFLICT (user_id) DO UPDATE SET name = EXCLUDED.name, email = EXCLUDED.email, updated_at = now()")
                .params(userId.value(), name, email).update();
    }

    /** One row, however many orders the customer placed. */
    void renamed(UserId userId, String name) {
        jdbc.sql("UPDATE order_history.customers SET name = ?, updated_at = now() WHERE user_id = ?").params(name, userId.value())
                .update();
    }

    /**
     * Brings the customers of a range in line with the user module: a customer missing is added, one whose name or
     * email differs is replaced, unless the projection wrote it since the range's read (it then knows more than the
     * read). Which customers differ is asked first, reading only: an upsert locks every row it meets, and so writes
     * it, even a row it then leaves alone (measured on the volume: ten times the reconciliation's WAL).
     *
     * @return the customers written
     */
    int repair(CustomerRange range) {
        if (range.customers().isEmpty()) {
            return 0;
        }
        Set<UUID> differing = Set.copyOf(jdbc.sql("""
                SELECT u.user_id
                FROM unnest(CAST(:ids AS uuid[]), CAST(:names AS text[]), CAST(:emails AS text[])) AS u(user_id, name, email)
                LEFT JOIN order_history.customers c ON c.user_id = u.user_id
                WHERE c.user_id IS NULL
                   OR ((c.name, c.email) IS DISTINCT FROM (u.name, u.email) AND c.updated_at < :readFrom)""")
                .paramSource(columns(range.customers()).addValue("readFrom", Timestamp.from(range.readFrom())))
                .query(UUID.class).list());
        if (differing.isEmpty()) {
            return 0;
        }
        List<UserView> repairs = range.customers().stream().filter(user -> differing.contains(user.id().value())).toList();
        return jdbc.sql("""
                INSERT INTO order_history.customers AS c (user_id, name, email, updated_at)
                SELECT u.user_id, u.name, u.email, now()
                FROM unnest(CAST(:ids AS uuid[]), CAST(:names AS text[]), CAST(:emails AS text[])) AS u(user_id, name, email)
                ON CONFLICT (user_id) DO UPDATE SET name = EXCLUDED.name, email = EXCLUDED.email, updated_at = now()
                WHERE c.updated_at < :readFrom AND (c.name, c.email) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.email)""")
                .paramSource(columns(repairs).addValue("readFrom", Timestamp.from(range.readFrom())))
                .update();
    }

    /**
     * Removes the customers of a range whom the user module does not know: a row in the range whose user the read did
     * not return and that the projection last wrote before that read. Users registered since the read stay.
     *
     * @return the customers removed
     */
    int removeLeftovers(CustomerRange range) {
        String upTo = range.upTo() == null ? "" : "AND c.user_id <= :upTo";
        // NOT IN a subquery, as OrderHistoryStore#removeLeftovers and for the same reason: the range by its index, the
        // kept ids in a hash
        return jdbc.sql("""
                DELETE FROM order_history.customers c
                WHERE c.user_id > :after %s AND c.updated_at < :readFrom
                  AND c.user_id NOT IN (SELECT unnest(CAST(:kept AS uuid[])))""".formatted(upTo))
                .param("after", range.after() == null ? OrderHistoryStore.FIRST : range.after())
                .param("upTo", range.upTo())
                .param("readFrom", Timestamp.from(range.readFrom()))
                .param("kept", UuidArray.of(range.customers().stream().map(user -> user.id().value()).toArray(UUID[]::new)))
                .update();
    }

    /** The customers, estimated when many ({@link TableRows}); call it in a transaction. */
    long count() {
        return TableRows.of(jdbc, "order_history.customers");
    }

    private static MapSqlParameterSource columns(Collection<UserView> users) {
        return new MapSqlParameterSource()
                .addValue("ids", UuidArray.of(users.stream().map(user -> user.id().value()).toArray(UUID[]::new)))
                .addValue("names", users.stream().map(UserView::name).toArray(String[]::new))
                .addValue("emails", users.stream().map(UserView::email).toArray(String[]::new));
    }
}
