package dev.bulkhead.platform.messaging;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Events through RabbitMQ (ADR 0017). Off unless {@code bulkhead.messaging.enabled=true}: without it
 * no AMQP class is configured and no connection is attempted. The connection itself is Spring Boot's
 * ({@code spring.rabbitmq.*}). Signing keys come from the environment or a secret store, never the repo.
 */
@ConfigurationProperties("bulkhead.messaging")
public class MessagingProperties {

    public static final String ENABLED = "bulkhead.messaging.enabled";
    static final String EXCHANGE = "bulkhead.messaging.exchange";
    static final String DEFAULT_EXCHANGE = "bulkhead.events";

    /** Whether every event of the hosted modules also goes to RabbitMQ, signed, and other modules' events come from it. */
    private boolean enabled;

    /** The topic exchange every externalized event goes to, with the event's name as routing key. */
    private String exchange = DEFAULT_EXCHANGE;

    /**
     * The queue this process consumes the events of modules it does not host from; by default
     * {@code bulkhead.<hosted modules>.inbox}. Instances hosting the same modules share it.
     */
    private String queue;

    private final Signing signing = new Signing();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getExchange() {
        return exchange;
    }

    public void setExchange(String exchange) {
        this.exchange = exchange;
    }

    public String getQueue() {
        return queue;
    }

    public void setQueue(String queue) {
        this.queue = queue;
    }

    public Signing getSigning() {
        return signing;
    }

    /** HMAC-SHA256 keys by id; the active one signs, any of them verifies, so keys can rotate. */
    public static class Signing {

        /** The id of the key that signs outgoing messages. */
        private String activeKey;

        /** Key id to secret, Base64, at least 32 bytes (BULKHEAD_MESSAGING_SIGNING_KEYS_<ID>). */
        private final Map<String, String> keys = new LinkedHashMap<>();

        public String getActiveKey() {
            return activeKey;
        }

        public void setActiveKey(String activeKey) {
            this.activeKey = activeKey;
        }

        public Map<String, String> getKeys() {
            return keys;
        }
    }
}
