package dev.bulkhead.platform.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.task.SimpleAsyncTaskExecutorCustomizer;
import org.springframework.boot.task.ThreadPoolTaskExecutorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.CompositeTaskDecorator;

/**
 * Counts the work handed to the application's task executor and not finished yet: the event deliveries of the
 * module listeners, which wait in the executor's queue (below JDK 21) or as parked virtual threads (from JDK
 * 21). Only that executor is decorated, through its customizers: a {@code TaskDecorator} bean would also wrap
 * the scheduler's jobs, and a daily job would count as pending all day. The customizer replaces the decorator
 * Spring Boot gave the executor, so it wraps the application's own {@code TaskDecorator} beans (context
 * propagation, for one) in the same order Boot would.
 */
@Configuration(proxyBeanMethods = false)
class PendingDeliveries {

    private final AtomicInteger pending = new AtomicInteger();
    private final ObjectProvider<TaskDecorator> otherDecorators;

    PendingDeliveries(ObjectProvider<MeterRegistry> meters, ObjectProvider<TaskDecorator> otherDecorators) {
        this.otherDecorators = otherDecorators;
        meters.ifAvailable(registry -> Gauge.builder("bulkhead.events.deliveries.pending", pending, AtomicInteger::get)
                .description("event deliveries (and other tasks) handed to the executor and not finished")
                .register(registry));
    }

    @Bean
    ThreadPoolTaskExecutorCustomizer countPendingOnPlatformThreads() {
        return executor -> executor.setTaskDecorator(decorator());
    }

    @Bean
    SimpleAsyncTaskExecutorCustomizer countPendingOnVirtualThreads() {
        return executor -> executor.setTaskDecorator(decorator());
    }

    /** Counting outermost, so that a task counts from its hand-over through every other decorator's work. */
    private TaskDecorator decorator() {
        List<TaskDecorator> others = otherDecorators.orderedStream().toList();
        TaskDecorator inner = others.isEmpty() ? task -> task : new CompositeTaskDecorator(others);
        return task -> track(inner.decorate(task));
    }

    /** Counted when handed over (the executors decorate on submission), no longer counted once it has run. */
    Runnable track(Runnable task) {
        pending.incrementAndGet();
        AtomicBoolean ended = new AtomicBoolean();
        return () -> {
            try {
                task.run();
            } finally {
                if (ended.compareAndSet(false, true)) {
                    pending.decrementAndGet();
                }
            }
        };
    }

    int count() {
        return pending.get();
    }
}
