package dev.bulkhead.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Copies of the customer whose order was captured, taken before that order, one per replayed order. A replayed
 * charge writes absolute values (the new balance, the next version) and the ledger trigger checks the balance
 * against the ledger at commit, so each replay needs an account in exactly the state the captured one was in.
 * Rows are copied column for column through JSON, so the copy follows the schema without naming its columns.
 */
final class ReplayCustomers {

    private ReplayCustomers() {
    }

    static List<UUID> copy(Connection database, UUID template, int count) throws SQLException {
        boolean autoCommit = database.getAutoCommit();
        database.setAutoCommit(false);
        try (Statement statement = database.createStatement()) {
            statement.execute("CREATE TABLE public.bench_replay_customers AS"
                    + " SELECT gen_random_uuid() AS id, n FROM generate_series(1, " + count + ") n");
            copyRows(statement, "users.users", "to_jsonb(t) || jsonb_build_object('id', c.id, 'email', 'replay-' || c.n || '@bench.invalid')",
                    "t.id = '" + template + "'", "c.n");
            copyRows(statement, "billing.accounts", "to_jsonb(t) || jsonb_build_object('user_id', c.id)",
                    "t.user_id = '" + template + "'", "c.n");
            // in the template's order: the database numbers each copy's entries and carries its running balance
            copyRows(statement, "billing.ledger_entries", "to_jsonb(t) || jsonb_build_object('id', gen_random_uuid(), 'user_id', c.id)",
                    "t.user_id = '" + template + "'", "c.n, t.entry_no");
            database.commit();
        } catch (SQLException e) {
            database.rollback();
            throw e;
        } finally {
            database.setAutoCommit(autoCommit);
        }
        List<UUID> ids = new ArrayList<>(count);
        try (PreparedStatement query = database.prepareStatement("SELECT id FROM public.bench_replay_customers ORDER BY n");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    private static void copyRows(Statement statement, String table, String row, String templateRows, String order)
            throws SQLException {
        statement.execute("INSERT INTO " + table + " SELECT (jsonb_populate_record(NULL::" + table + ", " + row + ")).*"
                + " FROM " + table + " t CROSS JOIN public.bench_replay_customers c WHERE " + templateRows + " ORDER BY " + order);
    }
}
