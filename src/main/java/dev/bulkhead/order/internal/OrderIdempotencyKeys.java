package dev.bulkhead.order.internal;

import dev.bulkhead.platform.Idempotency;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The order module's idempotency keys, in its own schema. */
@Repository
class OrderIdempotencyKeys implements Idempotency.KeyStore {

    private final JdbcClient jdbc;

    OrderIdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(String caller, String key, String requestHash) {
        return jdbc.sql("INSERT INTO orders.idempotency_keys (caller, key, request_hash) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(caller, key, requestHash).update() == 1;
    }

    @Override
    public Optional<Idempotency.StoredResult> find(String caller, String key) {
        return jdbc.sql("SELECT request_hash, result_json FROM orders.idempotency_keys WHERE caller = ? AND key = ?")
                .params(caller, key)
                .query((row, n) -> new Idempotency.StoredResult(row.getString(1), row.getString(2))).optional();
    }

    @Override
    public void complete(String caller, String key, String resultJson) {
        jdbc.sql("UPDATE orders.idempotency_keys SET result_json = ? WHERE caller = ? AND key = ?")
                .params(resultJson, caller, key).update();
    }
}
