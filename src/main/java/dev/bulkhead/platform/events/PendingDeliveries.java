package dev.bulkhead.platform.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.task.SimpleAsyncTaskExecutorCustomizer;
import org.springframework.boot.task.ThreadPoolTaskExecutorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Counts the work handed to the application's task executor and not finished yet: the event deliveries of the
 * module listeners, which wait in the executor's queue (below JDK 21) or as parked virtual threads (from JDK
 * 21). Only that executor is decorated, through its customizers: a {@code TaskDecorator} bean would also wrap
 * the scheduler's jobs, and a daily job would count as pending all day.
 */
@Configuration(proxyBeanMethods = false)
class PendingDeliveries {

    private final AtomicInteger pending = new AtomicInteger();

    PendingDeliveries(ObjectProvider<MeterRegistry> meters) {
        meters.ifAvailable(registry -> Gauge.builder("bulkhead.events.deliveries.pending", pending, AtomicInteger::get)
                .description("event deliveries (and other tasks) handed to the executor and not finished")
                .register(registry));
    }

    @Bean
    ThreadPoolTaskExecutorCustomizer countPendingOnPlatformThreads() {
        return executor -> executor.setTaskDecorator(this::track);
    }

    @Bean
    SimpleAsyncTaskExecutorCustomizer countPendingOnVirtualThreads() {
        return executor -> executor.setTaskDecorator(this::track);
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
