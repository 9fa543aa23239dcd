package dev.bulkhead.platform.events;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a delivery's transaction commits (ADR 0029). The default is here and nowhere else.
 *
 * @param synchronous whether a delivery's transaction waits for its WAL flush like every other transaction; off by
 *     default, because a delivery whose commit a database crash loses is delivered again
 */
@ConfigurationProperties("bulkhead.events.delivery-commit")
record DeliveryCommitProperties(@DefaultValue("false") boolean synchronous) {
}
