package dev.bulkhead.order.internal;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The order module's settings; each default is here and nowhere else.
 *
 * @param paymentTimeout how long an order may wait for its payment before it expires; a payment arriving later is
 *        refunded
 * @param expiryCheckInterval how often the expiry job looks for orders waiting longer than the payment timeout
 * @param expiryBatchSize how many overdue orders one run of the expiry job handles at most
 */
@ConfigurationProperties(OrderProperties.PREFIX)
@Validated
record OrderProperties(
        @DefaultValue("15m") @DurationMin(millis = 1) Duration paymentTimeout,
        @DefaultValue("10s") @DurationMin(millis = 1) Duration expiryCheckInterval,
        @DefaultValue("100") @Min(1) int expiryBatchSize) {

    static final String PREFIX = "bulkhead.order";

    /**
     * The {@link #expiryCheckInterval} for {@code @Scheduled}, which reads this record, not the environment (where
     * the default is not): a bean reference by the name {@code @EnableConfigurationProperties} gives the record.
     */
    static final String EXPIRY_CHECK_INTERVAL = "#{@'" + PREFIX + "-dev.bulkhead.order.internal.OrderProperties'.expiryCheckInterval()}";
}
