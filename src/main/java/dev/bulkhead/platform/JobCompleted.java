package dev.bulkhead.platform;

/** Published (in process, synchronously) when a run of a paged job has applied its last page. */
public record JobCompleted(JobView job) {
}
