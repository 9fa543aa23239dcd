package dev.bulkhead.platform.events;

import dev.bulkhead.platform.RetentionWindows;
import java.time.Duration;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.stereotype.Component;

/**
 * Stops the start-up when the modules would prune an inbox mark while the retry job can still deliver its event
 * again: the event would then be applied twice (ADR 0033). The inbox must outlast the retry settings'
 * {@linkplain EventRetryProperties#redeliveryHorizon() redelivery horizon} {@value #SAFETY_FACTOR} times over: the
 * horizon assumes each turn of the retry job comes on time and the instances' clocks agree, and an outage of the
 * database or a slow instance only pushes a redelivery later, never earlier.
 */
@Component
class InboxRetentionCheck implements InitializingBean {

    static final String PROPERTY = "bulkhead.retention.inbox";
    static final int SAFETY_FACTOR = 2;

    private final EventRetryProperties retry;
    private final RetentionWindows windows;

    InboxRetentionCheck(EventRetryProperties retry, RetentionWindows windows) {
        this.retry = retry;
        this.windows = windows;
    }

    @Override
    public void afterPropertiesSet() {
        Duration shortest = retry.redeliveryHorizon().multipliedBy(SAFETY_FACTOR);
        if (windows.inbox().compareTo(shortest) < 0) {
            throw new InvalidConfigurationPropertyValueException(PROPERTY, windows.inbox(),
                    "inbox marks must be kept at least " + shortest + ", " + SAFETY_FACTOR + " times the longest a "
                            + "redelivery can arrive after its publication with " + EventRetryProperties.PREFIX + ".* ("
                            + retry.redeliveryHorizon() + "); shorter, an event redelivered after its mark was pruned "
                            + "would be applied twice");
        }
    }
}
