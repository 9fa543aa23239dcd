package dev.bulkhead.bench;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts the application's large-volume work through its admin endpoints and waits for it to end (issue 22's contract):
 * a paged job with {@code POST /v1/admin/jobs/{name}} (202), followed at {@code GET /v1/admin/jobs/{name}} until it is
 * COMPLETED, FAILED or STOPPED; pruning with {@code POST /v1/admin/retention} (synchronous, 200). A build without the
 * paged jobs (404) runs the older synchronous endpoint instead, and the report says which one ran.
 */
final class AdminJobs {

    /** How one piece of work went: how it was started, its wall time, its end state, and its progress as reported. */
    /**
     * @param done how many items the job reported done at the end (-1 when it does not say: a synchronous endpoint)
     * @param unfinished it was still running when the rehearsal's time for it ran out, and was stopped (a paged job) or
     *        abandoned with its application (a synchronous endpoint)
     */
    record Run(String name, String how, double seconds, String state, String finalAnswer, List<String> progress, long done,
            boolean unfinished) {

        boolean ran() {
            return !state.equals("NOT AVAILABLE") && !state.startsWith("REFUSED");
        }
    }

    private static final Pattern STATE = Pattern.compile("\"state\"\\s*:\\s*\"(\\w+)\"");
    private static final Pattern DONE = Pattern.compile("\"done\"\\s*:\\s*(\\d+)");

    private final BulkheadClient client;
    private final Duration longest;

    AdminJobs(BulkheadClient client, Duration longest) {
        this.client = client;
        this.longest = longest;
    }

    /** A paged job by its name; {@code legacyPath} is the synchronous endpoint of a build without paged jobs. */
    Run job(String name, String legacyPath) {
        long start = System.nanoTime();
        HttpResponse<String> started = client.send(client.adminPost("/v1/admin/jobs/" + name, Duration.ofMinutes(1)));
        if (started.statusCode() == 404 && legacyPath != null) {
            return synchronous(name, legacyPath, "POST " + legacyPath + " (synchronous: no paged job " + name + " in this build)");
        }
        if (started.statusCode() != 202) {
            return new Run(name, "POST /v1/admin/jobs/" + name, seconds(start), "REFUSED " + started.statusCode(),
                    abbreviate(started.body()), List.of(), -1, false);
        }
        List<String> progress = new ArrayList<>();
        long deadline = System.nanoTime() + longest.toNanos();
        long nextNote = 0;
        String last = started.body();
        String state = "RUNNING";
        while (System.nanoTime() < deadline) {
            Pause.millis(250);
            last = client.send(client.get("/v1/admin/jobs/" + name)).body();
            Matcher found = STATE.matcher(last);
            state = found.find() ? found.group(1) : "UNKNOWN";
            if (System.nanoTime() >= nextNote) {
                progress.add(String.format("%5.0f s %s", seconds(start), abbreviate(last)));
                Progress.say("%s: %s", name, abbreviate(last));
                nextNote = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            }
            if (ended(state)) {
                return new Run(name, "POST /v1/admin/jobs/" + name + ", then GET every 250 ms", seconds(start), state,
                        abbreviate(last), progress, done(last), false);
            }
        }
        // out of time: the operator's stop, then what it had done when it stopped
        double ranFor = seconds(start);
        client.send(client.adminPost("/v1/admin/jobs/" + name + "/stop", Duration.ofMinutes(1)));
        long stopDeadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < stopDeadline && !ended(state)) {
            Pause.millis(250);
            last = client.send(client.get("/v1/admin/jobs/" + name)).body();
            Matcher found = STATE.matcher(last);
            state = found.find() ? found.group(1) : "UNKNOWN";
        }
        progress.add(String.format("%5.0f s stopped: %s", seconds(start), abbreviate(last)));
        return new Run(name, "POST /v1/admin/jobs/" + name + ", then GET every 250 ms; stopped after " + longest.toMinutes()
                + " min", ranFor, state + " (unfinished after " + longest.toMinutes() + " min)", abbreviate(last), progress,
                done(last), true);
    }

    private static boolean ended(String state) {
        return state.equals("COMPLETED") || state.equals("FAILED") || state.equals("STOPPED");
    }

    private static long done(String json) {
        Matcher done = DONE.matcher(json);
        return done.find() ? Long.parseLong(done.group(1)) : -1;
    }

    /** A synchronous admin endpoint: done when it answers. */
    Run synchronous(String name, String path, String how) {
        long start = System.nanoTime();
        HttpResponse<String> answer;
        try {
            answer = client.send(client.adminPost(path, longest));
        } catch (IllegalStateException timedOut) {
            return new Run(name, how, seconds(start), "unfinished after " + longest.toMinutes() + " min", String.valueOf(timedOut.getCause()),
                    List.of(), -1, true);
        }
        String state = answer.statusCode() == 404 ? "NOT AVAILABLE"
                : answer.statusCode() / 100 == 2 ? "COMPLETED" : "FAILED " + answer.statusCode();
        return new Run(name, how, seconds(start), state, abbreviate(answer.body()), List.of(), -1, false);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 600 ? flat.substring(0, 600) + "…" : flat;
    }
}
