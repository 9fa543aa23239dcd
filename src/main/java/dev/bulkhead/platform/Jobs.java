package dev.bulkhead.platform;

import java.util.List;
import java.util.Optional;

/**
 * The modules' {@link PagedJob}s as the platform runs them (ADR 0034): each run holds the job's {@link ClusterLock},
 * reads its pages outside any transaction and commits each page with its checkpoint in the module's own transaction.
 */
public interface Jobs {

    List<JobView> views();

    /** The job's progress: this instance's live picture if it ran the job, else its checkpoint's. */
    JobView view(String name);

    /**
     * Starts the job (from its checkpoint, when a run was cut short) in the background.
     *
     * @throws RejectedRequest 409 when it already runs, here or on another instance; 404 for an unknown job
     */
    JobView start(String name);

    /**
     * Runs the job on this thread unless it runs elsewhere: for schedules.
     *
     * @return the run's end, or empty when another instance (or thread) was running it
     */
    Optional<JobView> runHere(String name);

    /** Asks the job to stop after its current page, here and on whichever instance runs it; the checkpoint stays. */
    JobView stop(String name);
}
