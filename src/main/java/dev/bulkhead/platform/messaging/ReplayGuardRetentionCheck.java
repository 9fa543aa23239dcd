package dev.bulkhead.platform.messaging;

import dev.bulkhead.platform.RetentionWindows;
import java.time.Duration;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.stereotype.Component;

/**
 * Stops the start-up when the replay guard ({@code events.received_messages}) would forget an event id while a copy
 * of its message can still pass the age check (ADRs 0033, 0037): that copy would be accepted and applied a second
 * time. A message is accepted until {@link MessagingProperties#replayWindow()} after it was received at the
 * earliest, so the ids must be kept at least that long.
 */
@Component
@ConditionalOnBooleanProperty(MessagingProperties.ENABLED)
@EnableConfigurationProperties(MessagingProperties.class)
class ReplayGuardRetentionCheck implements InitializingBean {

    static final String PROPERTY = "bulkhead.retention.received-messages";

    private final MessagingProperties messaging;
    private final RetentionWindows windows;

    ReplayGuardRetentionCheck(MessagingProperties messaging, RetentionWindows windows) {
        this.messaging = messaging;
        this.windows = windows;
    }

    @Override
    public void afterPropertiesSet() {
        Duration shortest = messaging.replayWindow();
        if (windows.receivedMessages().compareTo(shortest) <= 0) {
            throw new InvalidConfigurationPropertyValueException(PROPERTY, windows.receivedMessages(),
                    "the ids of received messages must be kept longer than " + shortest + " (bulkhead.messaging."
                            + "message-ttl plus bulkhead.messaging.clock-skew), the longest a copy of a message can "
                            + "still be accepted; kept shorter, a replayed copy would be applied a second time");
        }
    }
}
