package dev.bulkhead.bench;

import java.util.List;

/**
 * Where a phase's slow requests fell. A request is slow when it took longer than the target allows its kind
 * ({@link VolumeReport#TARGET_P99_FACTOR} × the baseline's p99 of the listing or of the dashboard); the report says how
 * many were, how many of them came in the phase's first seconds (a job's start: its count, the compiler's first pass
 * over its code), how many overlapped one of the application's collections, how many were sent late because the
 * client's own thread woke late (the load generator waiting for a core, which a deployment's remote clients do not),
 * and what the p99 was after those seconds.
 */
record SlowRequests(int slow, int all, int inFirstSeconds, int duringGcPause, int clientWokeLate, double listingP99After,
        double dashboardP99After) {

    /** A client's thread that woke this much later than a request was due waited for a core itself. */
    static final double LATE_WAKE_MILLIS = 1.0;

    static final int FIRST_SECONDS = 5;

    static SlowRequests of(ReadLoad.Result phase, ReadLoad.Result baseline, List<GcPauses.Pause> pauses) {
        List<ReadLoad.Request> requests = phase.requests();
        long start = requests.stream().mapToLong(ReadLoad.Request::dueEpochMillis).min().orElse(0);
        long settled = start + FIRST_SECONDS * 1000L;
        int slow = 0;
        int early = 0;
        int duringGc = 0;
        int wokeLate = 0;
        for (ReadLoad.Request request : requests) {
            double allowed = VolumeReport.TARGET_P99_FACTOR
                    * (request.kind().equals("listing") ? baseline.listing().p99() : baseline.dashboard().p99());
            if (request.latencyMillis() <= allowed) {
                continue;
            }
            slow++;
            if (request.dueEpochMillis() < settled) {
                early++;
            }
            double due = request.dueEpochMillis();
            if (pauses.stream().anyMatch(pause -> pause.overlaps(due, due + request.latencyMillis()))) {
                duringGc++;
            }
            if (request.wokeLateMillis() > LATE_WAKE_MILLIS) {
                wokeLate++;
            }
        }
        return new SlowRequests(slow, requests.size(), early, duringGc, wokeLate, p99After(requests, "listing", settled),
                p99After(requests, "dashboard", settled));
    }

    private static double p99After(List<ReadLoad.Request> requests, String kind, long settled) {
        double[] latencies = requests.stream().filter(request -> request.kind().equals(kind) && request.dueEpochMillis() >= settled)
                .mapToDouble(ReadLoad.Request::latencyMillis).sorted().toArray();
        return latencies.length == 0 ? Double.NaN : latencies[Math.min(latencies.length - 1, (int) Math.ceil(0.99 * latencies.length) - 1)];
    }
}
