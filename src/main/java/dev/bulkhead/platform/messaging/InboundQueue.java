package dev.bulkhead.platform.messaging;

import dev.bulkhead.platform.modules.ActiveModules;
import java.time.Duration;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.util.StringUtils;

/**
 * The queue a process receives other modules' events on, and its dead-letter exchange and queue.
 * The monolith hosts every module and has none.
 */
record InboundQueue(String name) {

    static InboundQueue of(MessagingProperties properties, ActiveModules modules) {
        if (modules.monolith()) {
            return new InboundQueue(null);
        }
        String name = StringUtils.hasText(properties.queue()) ? properties.queue()
                : "bulkhead." + String.join("-", new TreeSet<>(modules.names())) + ".inbox";
        return new InboundQueue(name);
    }

    boolean absent() {
        return name == null;
    }

    /**
     * The durable queue with its dead-letter exchange and the message TTL (ADR 0037): the broker dead-letters a
     * message still queued {@code ttl} after it arrived, which the receiver would refuse by its signed send time anyway.
     */
    Queue declaration(Duration ttl) {
        return QueueBuilder.durable(name)
                .withArguments(Map.of("x-dead-letter-exchange", deadLetterExchange(), "x-dead-letter-routing-key", name,
                        "x-message-ttl", Math.toIntExact(ttl.toMillis())))
                .build();
    }

    String deadLetterExchange() {
        return name + ".dead-letter";
    }

    String deadLetterQueue() {
        return name + ".dead-letter";
    }
}
