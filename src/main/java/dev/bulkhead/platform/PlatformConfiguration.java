package dev.bulkhead.platform;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    /** All time in Bulkhead is UTC; tests may replace the clock. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
