package dev.bulkhead.dashboard.internal;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Where dashboard parts run: a virtual thread per part on JDK 21 and later, which costs nothing
 * while a part waits on its module; on JDK 17 a small bounded pool of platform threads. The
 * application is compiled for Java 17, so the virtual-thread factory is looked up at run time.
 */
final class PartExecutor {

    private PartExecutor() {
    }

    static ExecutorService create() {
        try {
            Method virtual = java.util.concurrent.Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
            return (ExecutorService) virtual.invoke(null);
        } catch (ReflectiveOperationException olderJdk) {
            // a pool starts a thread per task while it has fewer than its core size, busy or not: a core of 16 meant
            // 16 platform threads (and their memory) after the first few dashboards; 4 serve a dashboard's 3 parts at
            // once, and the queue takes bursts
            ThreadPoolExecutor pool = new ThreadPoolExecutor(4, 16, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(512),
                    runnable -> {
                        Thread thread = new Thread(runnable, "dashboard-part");
                        thread.setDaemon(true);
                        return thread;
                    });
            pool.allowCoreThreadTimeOut(true);
            return pool;
        }
    }
}
