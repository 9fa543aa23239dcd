package dev.bulkhead.platform;

import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PlatformConfiguration {

    /**
     * All time in Bulkhead is UTC, in whole microseconds: PostgreSQL keeps microseconds, so an
     * instant reads back exactly as it was written.
     */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
