package dev.bulkhead.platform.retention;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the bookkeeping tables are pruned (ADR 0033). Each default is here and nowhere else; a value out of range stops
 * the start-up with a message naming the property.
 *
 * @param interval how long after start-up, and then after each pruning run ends, the next run begins
 * @param batchSize the most rows one batch deletes, in one short transaction of its own
 * @param giveWayToRequests before each batch, the longest the job waits for the requests this instance is answering to
 *     be answered, so that a batch starts between requests rather than in the middle of them (ADR 0042); 0 for never
 * @param pauseBetweenBatches a rest after each full batch of a table, to leave the cores to business traffic; 0 for
 *     none. The default, 10 ms, is about what a batch of 1,000 takes: the job then holds a core about half the time
 *     instead of all of it, as the paged jobs rest after each page (ADR 0042, fifth amendment)
 * @param inbox how long the modules keep inbox marks (the ids of the events they applied); must exceed the longest a
 *     redelivery can arrive after the first delivery, which the start-up checks against
 *     {@code bulkhead.events.retry.*}
 * @param receivedMessages how long the ids of messages accepted from the broker are kept to refuse replays; must
 *     exceed the broker's message time-to-live
 */
@ConfigurationProperties(RetentionProperties.PREFIX)
@Validated
record RetentionProperties(
        @DefaultValue("10m") @DurationMin(seconds = 1) Duration interval,
        @DefaultValue("1000") @Min(1) @Max(100_000) int batchSize,
        @DefaultValue("50ms") @DurationMin(millis = 0) Duration giveWayToRequests,
        @DefaultValue("10ms") @DurationMin(millis = 0) Duration pauseBetweenBatches,
        @DefaultValue("7d") @DurationMin(minutes = 1) Duration inbox,
        @DefaultValue("14d") @DurationMin(minutes = 1) Duration receivedMessages) {

    static final String PREFIX = "bulkhead.retention";

    /** The {@link #interval} for {@code @Scheduled}: the record by the bean name {@code @EnableConfigurationProperties} gives it. */
    static final String INTERVAL = "#{@'" + PREFIX + "-dev.bulkhead.platform.retention.RetentionProperties'.interval()}";
}
