package dev.bulkhead.platform.events;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the platform retries event deliveries (ADR 0010). Each default is here and nowhere else; a value out of range
 * stops the start-up with a message naming the property.
 *
 * @param interval how often the retry job looks for publications to resubmit
 * @param initialBackoff the wait before the first resubmission of a failed delivery; doubles with each attempt
 * @param maxBackoff the longest wait between two attempts
 * @param maxAttempts deliveries (the first one included) before a failing publication is parked for an operator
 * @param staleAfter how long a delivery may stay unfinished before it counts as abandoned by a stopped or
 *     crashed instance, and is failed so that it is retried
 * @param batchSize the most publications one run resubmits
 * @param keepCompleted how long completed publications and the failure records of settled deliveries are kept; the
 *     retention job prunes them after it (ADR 0033)
 */
@ConfigurationProperties(EventRetryProperties.PREFIX)
@Validated
record EventRetryProperties(
        @DefaultValue("5s") @DurationMin(millis = 1) Duration interval,
        @DefaultValue("2s") @DurationMin(millis = 1) Duration initialBackoff,
        @DefaultValue("5m") @DurationMin(millis = 1) Duration maxBackoff,
        @DefaultValue("8") @Min(1) int maxAttempts,
        @DefaultValue("1m") @DurationMin(millis = 1) Duration staleAfter,
        @DefaultValue("100") @Min(1) int batchSize,
        @DefaultValue("7d") @DurationMin(millis = 1) Duration keepCompleted) {

    static final String PREFIX = "bulkhead.events.retry";

    /**
     * The {@link #interval} for {@code @Scheduled}, which reads this record, not the environment (where the default
     * is not): a bean reference by the name {@code @EnableConfigurationProperties} gives the record, prefix-class.
     */
    static final String INTERVAL = "#{@'" + PREFIX + "-dev.bulkhead.platform.events.EventRetryProperties'.interval()}";

    /**
     * Whether a failed publication is parked rather than retried. Spring Modulith counts deliveries
     * in {@code completion_attempts}: 1 for the first, plus one per resubmission.
     */
    boolean parks(int completionAttempts) {
        return completionAttempts >= maxAttempts;
    }

    /**
     * The longest after its publication that the retry job can deliver an event again by itself: every delivery may
     * hang until it counts as abandoned ({@code stale-after}) and wait for the job's next turn ({@code interval}) to
     * be failed, and each of the {@code max-attempts - 1} resubmissions waits for its back-off and for the job's next
     * turn. After it, only an operator's resubmission delivers the event again.
     */
    Duration redeliveryHorizon() {
        Duration horizon = staleAfter.plus(interval).multipliedBy(maxAttempts);
        Duration backoff = initialBackoff;
        for (int delivery = 1; delivery < maxAttempts; delivery++) {
            horizon = horizon.plus(backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff).plus(interval);
            if (backoff.compareTo(maxBackoff) < 0) {
                backoff = backoff.multipliedBy(2);
            }
        }
        return horizon;
    }
}
