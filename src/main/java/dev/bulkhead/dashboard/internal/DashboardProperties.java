package dev.bulkhead.dashboard.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param partTimeout how long one module may take to answer its part
 * @param deadline how long the whole dashboard may take; it answers by then with what it has
 * @param recentOrders how many of the customer's newest orders to show
 */
@ConfigurationProperties("bulkhead.dashboard")
record DashboardProperties(Duration partTimeout, Duration deadline, Integer recentOrders) {

    DashboardProperties {
        partTimeout = partTimeout != null ? partTimeout : Duration.ofMillis(300);
        deadline = deadline != null ? deadline : Duration.ofMillis(500);
        recentOrders = recentOrders != null ? recentOrders : 5;
        if (partTimeout.compareTo(deadline) > 0) {
            throw new IllegalArgumentException("bulkhead.dashboard.part-timeout must not exceed the deadline");
        }
    }
}
