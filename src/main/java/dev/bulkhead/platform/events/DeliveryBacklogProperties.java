package dev.bulkhead.platform.events;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many event deliveries may wait in memory before changes are refused (ADR 0024). The default is here and
 * nowhere else.
 *
 * @param maxPendingDeliveries while this many deliveries wait for a listener thread, POST/PUT/PATCH/DELETE under
 *     {@code /v1/} (not {@code /v1/admin/}) answer 503 with {@code Retry-After}: an overload's backlog stays
 *     bounded instead of filling the heap
 */
@ConfigurationProperties("bulkhead.events")
@Validated
record DeliveryBacklogProperties(@DefaultValue("2000") @Min(1) int maxPendingDeliveries) {
}
