package dev.bulkhead.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.testing.IntegrationTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/**
 * The jobs whose interval is a setting run at the interval their configuration record holds ({@code @Scheduled}
 * reads the record by its bean name): {@code @IntegrationTest} sets the retry interval to 200 ms and the expiry check
 * to 500 ms, far from the records' defaults (5 s, 10 s).
 */
@IntegrationTest
class ScheduledJobsTests {

    @Autowired
    List<ScheduledTaskHolder> schedulers;

    @Test
    void the_event_retry_job_runs_at_the_configured_interval() {
        assertThat(fixedDelayOf("dev.bulkhead.platform.events.EventRetryJob.onSchedule")).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void the_order_expiry_job_runs_at_the_configured_interval() {
        assertThat(fixedDelayOf("dev.bulkhead.order.internal.OrderExpiry.onSchedule")).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void the_retention_job_runs_at_its_default_interval() {
        assertThat(fixedDelayOf("dev.bulkhead.platform.retention.RetentionJob.onSchedule")).isEqualTo(Duration.ofMinutes(10));
    }

    private Duration fixedDelayOf(String method) {
        List<FixedDelayTask> tasks = schedulers.stream().flatMap(holder -> holder.getScheduledTasks().stream())
                .filter(scheduled -> scheduled.getTask() instanceof FixedDelayTask)
                .map(scheduled -> (FixedDelayTask) scheduled.getTask())
                .filter(task -> task.toString().equals(method)).toList();
        assertThat(tasks).as("fixed-delay tasks running %s", method).hasSize(1);
        assertThat(tasks.get(0).getInitialDelayDuration()).as("the first run waits one interval too")
                .isEqualTo(tasks.get(0).getIntervalDuration());
        return tasks.get(0).getIntervalDuration();
    }
}
