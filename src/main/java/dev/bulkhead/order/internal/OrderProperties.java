package dev.bulkhead.order.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param paymentTimeout how long an order may wait for its payment before it expires
 * @param expiryBatchSize how many overdue orders one run of the expiry job handles at most
 */
@ConfigurationProperties("bulkhead.order")
record OrderProperties(Duration paymentTimeout, Integer expiryBatchSize) {

    OrderProperties {
        if (paymentTimeout == null) {
            paymentTimeout = Duration.ofMinutes(15);
        }
        if (paymentTimeout.isNegative() || paymentTimeout.isZero()) {
            throw new IllegalArgumentException("bulkhead.order.payment-timeout must be positive, not " + paymentTimeout);
        }
        if (expiryBatchSize == null) {
            expiryBatchSize = 100;
        }
    }
}
