package dev.bulkhead.history.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.testing.MigratedSchema;
import dev.bulkhead.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The history's migration V10, run on a real PostgreSQL into a schema of this test's own: the table the next rebuild
 * fills gets every order it lacks from the table readers read, whichever of the two that is, and keeps the rows it
 * has (ADR 0044).
 */
class CompleteSecondTableMigrationTests {

    private static final String SCHEMA = "history_second_table_migration";

    private static final String KEPT = "00000000-0000-0000-0000-0000000000a1";
    private static final String COPIED = "00000000-0000-0000-0000-0000000000a2";
    private static final String LEFT_OVER = "00000000-0000-0000-0000-0000000000a3";

    // a database of its own: the customers' trigram indexes need pg_trgm, installed there in public
    private final MigratedSchema schema = new MigratedSchema(SCHEMA, "classpath:db/history",
            TestDatabase.newDatabaseOnOwnServer("second-table"));
    private final JdbcClient jdbc = schema.jdbc();

    @AfterEach
    void dropSchema() {
        schema.drop();
    }

    @Test
    void copies_the_orders_the_second_table_lacks_and_keeps_the_rows_it_has() {
        migrateTo("9");
        order("orders", KEPT, "PAID", 2500, "2026-01-01T10:00:00Z");
        order("orders", COPIED, "CANCELLED", 700, "2026-01-02T10:00:00Z");
        // what an earlier rebuild left: an older status of one order, and an order that has no row in the active table
        order("orders_alternate", KEPT, "PENDING_PAYMENT", 2500, "2025-12-31T10:00:00Z");
        order("orders_alternate", LEFT_OVER, "PAID", 100, "2025-12-30T10:00:00Z");

        migrateTo("latest");

        assertThat(rows("orders_alternate")).containsExactly(
                KEPT + " PENDING_PAYMENT 2500 2025-12-31 10:00:00+00",
                COPIED + " CANCELLED 700 2026-01-02 10:00:00+00",
                LEFT_OVER + " PAID 100 2025-12-30 10:00:00+00");
        assertThat(rows("orders")).containsExactly(
                KEPT + " PAID 2500 2026-01-01 10:00:00+00",
                COPIED + " CANCELLED 700 2026-01-02 10:00:00+00");
    }

    @Test
    void copies_from_the_alternate_table_when_readers_read_that_one() {
        migrateTo("9");
        jdbc.sql("update " + SCHEMA + ".read_model_tables set active = 'orders_alternate'").update();
        order("orders_alternate", COPIED, "PAID", 700, "2026-01-02T10:00:00Z");
        order("orders", LEFT_OVER, "PAID", 100, "2025-12-30T10:00:00Z");

        migrateTo("latest");

        assertThat(rows("orders")).containsExactly(
                COPIED + " PAID 700 2026-01-02 10:00:00+00",
                LEFT_OVER + " PAID 100 2025-12-30 10:00:00+00");
        assertThat(rows("orders_alternate")).containsExactly(COPIED + " PAID 700 2026-01-02 10:00:00+00");
    }

    private void order(String table, String orderId, String status, long total, String updatedAt) {
        jdbc.sql("""
                insert into %s.%s (order_id, user_id, status, status_at, currency, total_minor, placed_at, updated_at)
                values (?::uuid, gen_random_uuid(), ?, ?::timestamptz, 'EUR', ?, ?::timestamptz, ?::timestamptz)"""
                        .formatted(SCHEMA, table))
                .params(orderId, status, updatedAt, total, updatedAt, updatedAt).update();
    }

    /** "order status total updated_at" for each row, by order id; updated_at in UTC. */
    private List<String> rows(String table) {
        return jdbc.sql("""
                select order_id || ' ' || status || ' ' || total_minor || ' ' || to_char(updated_at at time zone 'UTC',
                    'YYYY-MM-DD HH24:MI:SS') || '+00'
                from %s.%s order by order_id""".formatted(SCHEMA, table))
                .query(String.class).list();
    }

    private void migrateTo(String version) {
        jdbc.sql("create extension if not exists pg_trgm").update();
        schema.migrateTo(version);
    }
}
