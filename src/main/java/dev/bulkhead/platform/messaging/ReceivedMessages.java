package dev.bulkhead.platform.messaging;

import dev.bulkhead.platform.RegistrySchema;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ids of the events this process accepted from the broker ({@code events.received_messages}).
 * Remembering an id is the replay check: it succeeds once per id, inside the transaction that hands
 * the event to the local listeners, so an event is applied at most once however often it is sent.
 */
final class ReceivedMessages {

    private static final String TABLE = RegistrySchema.NAME + ".received_messages";

    private final JdbcClient jdbc;

    ReceivedMessages(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** @return false when the id was already received: the message is a replay */
    boolean remember(UUID eventId, String eventType, String keyId, Instant now) {
        return jdbc.sql("insert into %s (event_id, event_type, key_id, received_at) values (:id, :type, :key, :at) on conflict do nothing"
                .formatted(TABLE))
                .param("id", eventId).param("type", eventType).param("key", keyId).param("at", Timestamp.from(now))
                .update() == 1;
    }
}
