package dev.bulkhead.platform;

import org.jspecify.annotations.Nullable;

/**
 * Published (in process, synchronously, on the job's thread) after each page of a paged job has committed, before the
 * next is read: for progress listeners and for tests that hold a job between two pages.
 *
 * @param cursor the committed checkpoint's cursor
 */
public record PageApplied(String job, @Nullable String cursor, JobView progress) {
}
