package dev.bulkhead.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.concurrent.TimeUnit;

/** One copy of the production jar, started as a separate process on its own port, killable with SIGKILL. */
final class JarInstance {

    private final String name;
    private final Path jar;
    private final int port;
    private final CrashDatabase database;
    private final List<String> settings;
    private final Path logDirectory;
    private final Map<String, String> environment;
    private Process process;
    private int starts;

    JarInstance(String name, Path jar, int port, CrashDatabase database, Map<String, String> environment,
            List<String> settings, Path logDirectory) {
        this.environment = Map.copyOf(environment);
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.database = database;
        this.settings = List.copyOf(settings);
        this.logDirectory = logDirectory;
    }

    synchronized void start() {
        if (isRunning()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-jar", jar.toString(),
                "--server.port=" + port, "--spring.main.banner-mode=off"));
        command.addAll(database.jarArguments());
        command.addAll(settings);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(database.jarEnvironment());
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true);
        builder.redirectOutput(logDirectory.resolve(name + "-run" + (++starts) + ".log").toFile());
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /** SIGKILL: on Unix, {@link Process#destroyForcibly()} sends signal 9, so the JVM gets no chance to clean up. */
    synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    String name() {
        return name;
    }

    int starts() {
        return starts;
    }

    /** Waits until the instance answers its health check, at most {@code timeout}. */
    void awaitHealthy(HttpClient http, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!isRunning()) {
                throw new IllegalStateException(name + " exited while starting; see " + logDirectory);
            }
            try {
                HttpResponse<Void> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(200);
        }
        throw new IllegalStateException(name + " did not become healthy within " + timeout + "; see " + logDirectory);
    }

    static Path logDirectory(Path root) {
        try {
            return Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
