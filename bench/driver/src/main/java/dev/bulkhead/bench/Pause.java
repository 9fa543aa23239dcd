package dev.bulkhead.bench;

/** Sleeping without checked exceptions: the driver has no use for interruption but to stop. */
final class Pause {

    private Pause() {
    }

    static void millis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
