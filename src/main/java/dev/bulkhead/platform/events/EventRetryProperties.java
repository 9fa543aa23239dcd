package dev.bulkhead.platform.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the platform retries event deliveries (ADR 0010).
 *
 * @param interval how often the retry job looks for publications to resubmit
 * @param initialBackoff the wait before the first resubmission of a failed delivery; doubles with each attempt
 * @param maxBackoff the longest wait between two attempts
 * @param maxAttempts deliveries (the first one included) before a failing publication is parked for an operator
 * @param staleAfter how long a delivery may stay unfinished before it counts as abandoned by a stopped or
 *     crashed instance, and is failed so that it is retried
 * @param batchSize the most publications one run resubmits
 * @param keepCompleted how long completed publications and their failure records are kept
 */
@ConfigurationProperties("bulkhead.events.retry")
record EventRetryProperties(Duration interval, Duration initialBackoff, Duration maxBackoff, Integer maxAttempts,
        Duration staleAfter, Integer batchSize, Duration keepCompleted) {

    EventRetryProperties {
        interval = positive("interval", interval, Duration.ofSeconds(5));
        initialBackoff = positive("initial-backoff", initialBackoff, Duration.ofSeconds(2));
        maxBackoff = positive("max-backoff", maxBackoff, Duration.ofMinutes(5));
        staleAfter = positive("stale-after", staleAfter, Duration.ofMinutes(1));
        keepCompleted = positive("keep-completed", keepCompleted, Duration.ofDays(7));
        maxAttempts = maxAttempts == null ? 8 : maxAttempts;
        batchSize = batchSize == null ? 100 : batchSize;
        if (maxAttempts < 1 || batchSize < 1) {
            throw new IllegalArgumentException("bulkhead.events.retry.max-attempts and batch-size must be at least 1");
        }
    }

    /**
     * Whether a failed publication is parked rather than retried. Spring Modulith counts deliveries
     * in {@code completion_attempts}: 1 for the first, plus one per resubmission.
     */
    boolean parks(int completionAttempts) {
        return completionAttempts >= maxAttempts;
    }

    private static Duration positive(String name, Duration value, Duration fallback) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("bulkhead.events.retry." + name + " must be positive, not " + value);
        }
        return value;
    }
}
