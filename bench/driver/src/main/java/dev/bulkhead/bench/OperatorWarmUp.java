package dev.bulkhead.bench;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * The operator's requests that the measurements send beside the reads, sent during the warm-up as well: a
 * {@code GET /v1/admin/jobs/{name}} of each job every 250 ms, as while a job is followed, and now and then a
 * {@code POST} that starts nothing (a job that does not exist: 404). Their first use in the JVM's life took paths of
 * Tomcat, Spring MVC and Jackson that the reads had never taken (a POST, another controller, other types), and the
 * compiler threw away the reads' compiled code that had assumed otherwise: 88 methods made not entrant and 380 compiled
 * in the first quarter second of the first job, and 13 of that run's 36 slowest reads in its first third of a second
 * (bench/volume/analysis.md).
 * An application that has served orders and operators for a while has compiled these paths long before.
 *
 * <p>Once a second it also reads {@code /actuator/prometheus}, as a deployment's Prometheus scrapes it. When the
 * rehearsal still read the request meter there at the start and the end of every phase (it reads Tomcat's access log
 * now, {@link ServerLatency}), a run without it in the warm-up had that first scrape of the first job's phase throw
 * away Spring MVC's compiled handler lookup
 * ({@code AbstractHandlerMapping.getHandler} made not entrant, 52 methods in all) and compiled 288 methods in 0.2 s,
 * while the phase's first reads took 23–40 ms against a baseline p99 of 9 (bench/volume/analysis.md).
 */
final class OperatorWarmUp {

    private final BulkheadClient client;
    private final List<String> jobs;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile RuntimeException failure;
    private int answered;

    private OperatorWarmUp(BulkheadClient client, List<String> jobs) {
        this.client = client;
        this.jobs = jobs;
        this.thread = new Thread(this::loop, "operator-warm-up");
        this.thread.setDaemon(true);
    }

    static OperatorWarmUp start(BulkheadClient client, List<String> jobs) {
        OperatorWarmUp warmUp = new OperatorWarmUp(client, jobs);
        warmUp.thread.start();
        return warmUp;
    }

    private void loop() {
        try {
            int round = 0;
            while (running) {
                for (String job : jobs) {
                    // 404: a build without paged jobs (AdminJobs then runs the older endpoints)
                    expect(client.send(client.get("/v1/admin/jobs/" + job)), 200, 404);
                }
                if (round++ % 4 == 0) {
                    expect(client.send(client.adminPost("/v1/admin/jobs/warm-up-no-such-job", Duration.ofSeconds(30))), 404, 404);
                    expect(client.send(client.get("/actuator/prometheus")), 200, 200);
                }
                Pause.millis(250);
            }
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    private void expect(HttpResponse<String> response, int status, int orStatus) {
        if (response.statusCode() != status && response.statusCode() != orStatus) {
            throw new IllegalStateException("warm-up: " + response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + ", not " + status + ": " + response.body());
        }
        answered++;
    }

    /** @return how many requests it sent */
    int stop() {
        running = false;
        try {
            thread.join(Duration.ofSeconds(35).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
        return answered;
    }
}
