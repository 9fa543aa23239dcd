package dev.bulkhead.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Seconds from process start to a healthy answer, for one jar under several JDK set-ups, against an already
 * migrated database (the first start, which provisions and migrates, is run but not counted). With an AOT cache,
 * the jar is extracted and trained as Spring Boot documents: {@code -XX:AOTCacheOutput} plus
 * {@code -Dspring.context.exit=onRefresh}, then started with {@code -XX:AOTCache}.
 */
final class StartupBench {

    record Result(String app, String setup, double[] seconds) {
        double median() {
            double[] sorted = seconds.clone();
            Arrays.sort(sorted);
            return sorted[sorted.length / 2];
        }
    }

    private final PostgresServer server;
    private final Path work;
    private final int port;
    private final int repeats;

    StartupBench(PostgresServer server, Path work, int port, int repeats) {
        this.server = server;
        this.work = work;
        this.port = port;
        this.repeats = repeats;
    }

    List<Result> measure(String app, Path jar, List<JavaSetup> plain, JavaSetup aotJdk) throws IOException {
        String database = server.newDatabase("startup_" + app);
        List<Result> results = new ArrayList<>();
        Path logs = Files.createDirectories(work.resolve("logs"));
        // first start: provisioning and migrations, not part of any figure
        try (JarProcess first = JarProcess.start(plain.get(0).command(jar, List.of()), port, database, server, List.of(),
                logs.resolve(app + "-first-start.log"))) {
            first.awaitReady(Duration.ofMinutes(3));
        }
        for (JavaSetup setup : plain) {
            results.add(new Result(app, setup.label(), starts(app, setup, jar, database, logs)));
        }
        if (aotJdk != null) {
            Path extracted = extract(app, jar, aotJdk, logs);
            Path cache = extracted.getParent().resolve(app + ".aot");
            try (JarProcess training = JarProcess.start(aotJdk.command(extracted,
                    List.of("-XX:AOTCacheOutput=" + cache, "-Dspring.context.exit=onRefresh")), port, database, server,
                    List.of(), logs.resolve(app + "-aot-training.log"))) {
                int exit = training.awaitExit(Duration.ofMinutes(3));
                if (exit != 0 || !Files.exists(cache)) {
                    throw new IllegalStateException("AOT training of " + app + " failed (exit " + exit + ")");
                }
            }
            JavaSetup withCache = aotJdk.withFlag(aotJdk.label() + " + AOT cache", "-XX:AOTCache=" + cache);
            results.add(new Result(app, withCache.label(), starts(app, withCache, extracted, database, logs)));
        }
        return results;
    }

    private double[] starts(String app, JavaSetup setup, Path jar, String database, Path logs) {
        double[] seconds = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            String name = app + "-" + setup.label().replaceAll("[^A-Za-z0-9]+", "-") + "-" + i + ".log";
            try (JarProcess process = JarProcess.start(setup.command(jar, List.of()), port, database, server, List.of(),
                    logs.resolve(name))) {
                seconds[i] = process.awaitReady(Duration.ofMinutes(2));
            }
        }
        return seconds;
    }

    /** {@code java -Djarmode=tools -jar app.jar extract}: the layout the AOT cache needs (one jar per library). */
    private Path extract(String app, Path jar, JavaSetup jdk, Path logs) throws IOException {
        Path destination = work.resolve("aot").resolve(app);
        ProcessBuilder extract = new ProcessBuilder(jdk.javaHome().resolve("bin/java").toString(), "-Djarmode=tools",
                "-jar", jar.toString(), "extract", "--force", "--destination", destination.toString())
                .redirectErrorStream(true).redirectOutput(logs.resolve(app + "-extract.log").toFile());
        try {
            if (extract.start().waitFor() != 0) {
                throw new IllegalStateException("extracting " + jar + " failed; see " + logs);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return destination.resolve(jar.getFileName());
    }
}
