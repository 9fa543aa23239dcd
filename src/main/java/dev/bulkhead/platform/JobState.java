package dev.bulkhead.platform;

/** Where a paged job stands. */
public enum JobState {
    /** Not run since this instance started, and no checkpoint says otherwise. */
    IDLE,
    RUNNING,
    /** Asked to stop: it stops after its current page. */
    STOPPING,
    /** Stopped by an operator with its checkpoint kept: the next start resumes. */
    STOPPED,
    COMPLETED,
    /** A page failed: the checkpoint is at the last committed page, and the next start resumes there. */
    FAILED
}
