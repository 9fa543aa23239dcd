package dev.bulkhead.platform.messaging;

import dev.bulkhead.platform.modules.ActiveModules;
import java.util.TreeSet;
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
        String name = StringUtils.hasText(properties.getQueue()) ? properties.getQueue()
                : "bulkhead." + String.join("-", new TreeSet<>(modules.names())) + ".inbox";
        return new InboundQueue(name);
    }

    boolean absent() {
        return name == null;
    }

    String deadLetterExchange() {
        return name + ".dead-letter";
    }

    String deadLetterQueue() {
        return name + ".dead-letter";
    }
}
