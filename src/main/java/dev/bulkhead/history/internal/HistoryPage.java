package dev.bulkhead.history.internal;

import dev.bulkhead.platform.PagedJob;
import java.util.function.Function;

/** A page of one of the module's paged jobs: its work, run in the job's transaction, and where the next one starts. */
record HistoryPage(Function<PagedJob.Pacing, PagedJob.Applied> work, String cursorAfter, boolean last) implements PagedJob.Page {

    @Override
    public PagedJob.Applied apply(PagedJob.Pacing pacing) {
        return work.apply(pacing);
    }
}
