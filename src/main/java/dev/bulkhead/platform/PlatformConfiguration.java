package dev.bulkhead.platform;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The clock, and scheduling for the jobs that keep the saga moving (event retries, order expiry);
 * each job guards itself with a {@link ClusterLock}, so several instances may all schedule it.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PlatformConfiguration {

    /** All time in Bulkhead is UTC, in whole microseconds ({@link MicrosecondClock}). */
    @Bean
    Clock clock() {
        return new MicrosecondClock(Clock.systemUTC());
    }
}
