package dev.bulkhead.billing.internal;

import dev.bulkhead.platform.Idempotency;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The billing module's idempotency keys, in its own schema. */
@Repository
class BillingIdempotencyKeys implements Idempotency.KeyStore {

    // a key older than the window is taken over as if absent, atomically: a concurrent claim waits on the row, then
    // finds it renewed (ADR 0033)
    private static final String CLAIM = """
            INSERT INTO billing.idempotency_keys AS k (caller, key, request_hash, created_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (caller, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, result_json = NULL,
                created_at = EXCLUDED.created_at
            WHERE k.created_at < ?""";

    private final JdbcClient jdbc;

    BillingIdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(String caller, String key, String requestHash, Instant now, Instant expiredBefore) {
        return jdbc.sql(CLAIM).params(caller, key, requestHash, Timestamp.from(now), Timestamp.from(expiredBefore))
                .update() == 1;
    }

    @Override
    public Optional<Idempotency.StoredResult> find(String caller, String key) {
        return jdbc.sql("SELECT request_hash, result_json FROM billing.idempotency_keys WHERE caller = ? AND key = ?")
                .params(caller, key)
                .query((row, n) -> new Idempotency.StoredResult(row.getString(1), row.getString(2))).optional();
    }

    @Override
    public void complete(String caller, String key, String resultJson) {
        jdbc.sql("UPDATE billing.idempotency_keys SET result_json = ? WHERE caller = ? AND key = ?")
                .params(resultJson, caller, key).update();
    }
}
