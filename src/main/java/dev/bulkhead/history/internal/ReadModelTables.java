package dev.bulkhead.history.internal;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which of the read model's two tables readers read ({@code active}) and which a running rebuild fills
 * ({@code building}): one row in {@code order_history.read_model_tables}, read inside each reader's and writer's own
 * statement sequence, and changed by a rebuild in two short transactions (start, swap). Renaming tables would need
 * the owner role (ADR 0025, ADR 0034); so does nothing here. The projection does not read it: it writes both tables
 * at all times ({@link OrderHistoryStore#placed}, ADR 0044).
 */
@Repository
class ReadModelTables {

    static final String ORDERS = "orders";
    static final String ALTERNATE = "orders_alternate";
    private static final Set<String> NAMES = Set.of(ORDERS, ALTERNATE);

    private final JdbcClient jdbc;

    ReadModelTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The tables as they stand now. */
    Tables current() {
        return jdbc.sql("SELECT active, building FROM order_history.read_model_tables WHERE projection = ?")
                .param(OrderHistoryStore.PROJECTION)
                .query((row, number) -> new Tables(checked(row.getString("active")), row.getString("building") == null ? null
                        : checked(row.getString("building"))))
                .single();
    }

    /** A rebuild begins: the table readers do not read becomes the one it fills, and the projection writes it too. */
    String startBuilding() {
        Tables tables = current();
        String building = ORDERS.equals(tables.active()) ? ALTERNATE : ORDERS;
        jdbc.sql("UPDATE order_history.read_model_tables SET building = ? WHERE projection = ?")
                .params(building, OrderHistoryStore.PROJECTION).update();
        return building;
    }

    /** The rebuild is complete: readers read the built table from this transaction's commit on. */
    void swap() {
        int swapped = jdbc.sql("UPDATE order_history.read_model_tables SET active = building, building = NULL "
                        + "WHERE projection = ? AND building IS NOT NULL")
                .param(OrderHistoryStore.PROJECTION).update();
        if (swapped != 1) {
            throw new IllegalStateException("no rebuilt table to swap in");
        }
    }

    /** Names come only from this class's list, as they are written into SQL. */
    private static String checked(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalStateException("not a table of the read model: " + name);
        }
        return name;
    }

    /** @param building null unless a rebuild runs */
    record Tables(String active, @Nullable String building) {

        String activeTable() {
            return "order_history." + active;
        }
    }
}
