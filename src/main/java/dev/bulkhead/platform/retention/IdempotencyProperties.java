package dev.bulkhead.platform.retention;

import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long an {@code Idempotency-Key} is remembered (ADR 0033). The default is here and nowhere else.
 *
 * @param window how long after its first use a key answers retries with the first result; a request with a key older
 *     than this is a new request, and its key is pruned
 */
@ConfigurationProperties("bulkhead.idempotency")
@Validated
record IdempotencyProperties(@DefaultValue("24h") @DurationMin(minutes = 1) Duration window) {
}
