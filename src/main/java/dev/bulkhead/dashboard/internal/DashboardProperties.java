package dev.bulkhead.dashboard.internal;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long the dashboard waits for its parts (ADR 0007). Each default is here and nowhere else.
 *
 * @param partTimeout how long one module may take to answer its part
 * @param deadline how long the whole dashboard may take; it answers by then with what it has
 * @param recentOrders how many of the customer's newest orders to show
 */
@ConfigurationProperties("bulkhead.dashboard")
@Validated
record DashboardProperties(
        @DefaultValue("300ms") @DurationMin(millis = 1) Duration partTimeout,
        @DefaultValue("500ms") @DurationMin(millis = 1) Duration deadline,
        @DefaultValue("5") @Min(1) @Max(100) int recentOrders) {

    /** A part that may take longer than the whole answer could never be waited for. */
    @AssertTrue(message = "bulkhead.dashboard.part-timeout must not exceed bulkhead.dashboard.deadline")
    boolean isPartTimeoutWithinDeadline() {
        return partTimeout.compareTo(deadline) <= 0;
    }
}
