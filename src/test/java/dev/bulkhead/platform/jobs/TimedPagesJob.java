package dev.bulkhead.platform.jobs;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.transaction.PlatformTransactionManager;

/** Pages of one item each that record when each was applied ({@link System#nanoTime()}), for the runner's pacing tests. */
final class TimedPagesJob extends NumberedPagesJob {

    final List<Long> appliedAt = new CopyOnWriteArrayList<>();

    TimedPagesJob(String kind, int pages, PlatformTransactionManager transactions) {
        super(kind, pages, transactions);
    }

    @Override
    Applied apply(int number, Pacing pacing) {
        appliedAt.add(System.nanoTime());
        return new Applied(1, 0, 0);
    }
}
