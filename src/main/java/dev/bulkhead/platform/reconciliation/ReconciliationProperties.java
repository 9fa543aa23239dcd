package dev.bulkhead.platform.reconciliation;

import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When the modules' copies are compared with their sources (ADR 0007). The default is here and nowhere else.
 *
 * @param interval how long after start-up, and then after each run ends, the next run begins
 */
@ConfigurationProperties(ReconciliationProperties.PREFIX)
@Validated
record ReconciliationProperties(@DefaultValue("10m") @DurationMin(seconds = 1) Duration interval) {

    static final String PREFIX = "bulkhead.reconciliation";

    /** The {@link #interval} for {@code @Scheduled}: the record by the bean name {@code @EnableConfigurationProperties} gives it. */
    static final String INTERVAL = "#{@'" + PREFIX + "-dev.bulkhead.platform.reconciliation.ReconciliationProperties'.interval()}";
}
