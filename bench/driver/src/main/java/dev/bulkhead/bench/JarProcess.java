package dev.bulkhead.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A Spring Boot jar started as a separate process (like the crash test's {@code JarInstance}), timed
 * from {@link ProcessBuilder#start()} to the first {@code 200} of its health endpoint.
 */
final class JarProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

    private final Process process;
    private final long startedNanos;
    private final int port;
    private final Path log;

    /** The schema owners whose pools log in as their own role: the registry and every module with a schema. */
    private static final List<String> MODULE_LOGINS = List.of("events", "user", "billing", "order", "history");

    private JarProcess(Process process, long startedNanos, int port, Path log) {
        this.process = process;
        this.startedNanos = startedNanos;
        this.port = port;
        this.log = log;
    }

    /**
     * @param command the java launcher, JVM flags and {@code -jar <jar>}; the port and datasource are added here
     */
    static JarProcess start(List<String> command, int port, String jdbcUrl, PostgresServer server, List<String> appArguments,
            Path log) {
        List<String> full = new ArrayList<>(command);
        full.add("--server.port=" + port);
        full.add("--spring.main.banner-mode=off");
        // the benchmark's clients get bearer tokens from the application's development endpoint
        full.add("--bulkhead.security.dev-tokens=true");
        full.addAll(appArguments);
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(JavaSetup.APP_ENVIRONMENT);
        builder.environment().put("BULKHEAD_SECURITY_JWT_SECRET", UUID.randomUUID() + "-" + UUID.randomUUID());
        builder.environment().putAll(Map.of("SPRING_DATASOURCE_URL", jdbcUrl,
                "SPRING_DATASOURCE_USERNAME", server.user(), "SPRING_DATASOURCE_PASSWORD", server.password()));
        // each module logs in as its own role (ADR 0025); the application provisions them with these passwords
        for (String owner : MODULE_LOGINS) {
            builder.environment().put("BULKHEAD_DATABASE_LOGINS_" + owner.toUpperCase(java.util.Locale.ROOT) + "_PASSWORD",
                    "bench-" + owner);
        }
        try {
            long started = System.nanoTime();
            return new JarProcess(builder.start(), started, port, log);
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + full, e);
        }
    }

    /** Seconds from process start to the first healthy answer; polls every 20 ms so the figure is that precise. */
    double awaitReady(Duration timeout) {
        long deadline = startedNanos + timeout.toNanos();
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the process exited while starting; see " + log);
            }
            try {
                if (HTTP.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - startedNanos) / 1e9;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Pause.millis(20);
        }
        throw new IllegalStateException("not healthy within " + timeout + "; see " + log);
    }

    /** Waits for a process that ends by itself (an AOT training run), at most {@code timeout}. */
    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("did not exit within " + timeout + "; see " + log);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Peak resident set size so far (VmHWM), in MiB. */
    double peakRssMib() {
        return statusMib("VmHWM");
    }

    /** Resident set size now (VmRSS), in MiB. */
    double rssMib() {
        return statusMib("VmRSS");
    }

    private double statusMib(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc for pid " + process.pid(), e);
        }
        throw new IllegalStateException("no " + field + " for pid " + process.pid());
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    /** SIGTERM, then SIGKILL if the graceful shutdown takes longer than 20 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
