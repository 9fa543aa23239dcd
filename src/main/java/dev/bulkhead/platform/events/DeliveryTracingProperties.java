package dev.bulkhead.platform.events;

import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How event deliveries join their publisher's trace (ADR 0032).
 *
 * @param continueWithin how long after its publication a delivery still continues the publisher's trace as a
 *     child of the publishing span; a later one (a parked publication resubmitted the next day, say) starts a
 *     trace of its own, linked to the publisher's, because tracing back ends close a trace long before that
 */
@ConfigurationProperties(DeliveryTracingProperties.PREFIX)
@Validated
record DeliveryTracingProperties(@DefaultValue("1h") @DurationMin(millis = 0) Duration continueWithin) {

    static final String PREFIX = "bulkhead.events.tracing";
}
