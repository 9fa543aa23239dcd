package dev.bulkhead.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The command line of the driver; {@code bench/run} fills it in. */
record BenchOptions(boolean quick, Path jar, Path minimalJar, Path jdk17, Path jdk25, Path results, Path work,
        String dbUrl, String dbUser, String dbPassword, Path checkTimes, Set<String> phases, Path jfr, Path analysis,
        String command, Comparison comparison) {

    /**
     * The comparison with a baseline jar (issue 20): {@code --baseline-jar}, the commits both jars were built from,
     * {@code --rounds}, {@code --warmup} and {@code --measure} (durations such as {@code 30s} or {@code 2m}).
     */
    record Comparison(Path baselineJar, String baselineVersion, String currentVersion, int rounds, Duration warmUp,
            Duration measure) {
    }

    boolean runs(String phase) {
        return phases.contains(phase);
    }

    /**
     * Whether this run measures only comparisons (with a baseline, tracing on against off): their sections then go
     * into the report already there.
     */
    boolean comparesOnly() {
        return Set.of("compare", "tracing").containsAll(phases);
    }

    static BenchOptions parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        boolean quick = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--quick")) {
                quick = true;
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                values.put(args[i].substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Comparison comparison = new Comparison(path(values, "baseline-jar"), values.get("baseline-version"),
                values.getOrDefault("current-version", "working tree"), Integer.parseInt(values.getOrDefault("rounds", "2")),
                duration(values.getOrDefault("warmup", "60s")), duration(values.getOrDefault("measure", "30s")));
        Set<String> phases = Set.of(values.getOrDefault("phases", "startup,floor,load").split(","));
        if (phases.contains("compare") && comparison.baselineJar() == null) {
            throw new IllegalArgumentException("the compare phase needs --baseline-jar");
        }
        return new BenchOptions(quick, path(values, "jar"), path(values, "minimal-jar"),
                Path.of(values.getOrDefault("jdk17", System.getProperty("java.home"))), path(values, "jdk25"),
                path(values, "results"), path(values, "work"), values.get("db-url"),
                values.getOrDefault("db-user", "postgres"), values.getOrDefault("db-password", ""), path(values, "check-times"),
                phases, path(values, "jfr"), path(values, "analysis"), values.getOrDefault("command", "bench/run"), comparison);
    }

    /** {@code 90}, {@code 90s} or {@code 2m}. */
    static Duration duration(String text) {
        if (text.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
        }
        return Duration.ofSeconds(Long.parseLong(text.endsWith("s") ? text.substring(0, text.length() - 1) : text));
    }

    private static Path path(Map<String, String> values, String key) {
        String value = values.get(key);
        return value == null ? null : Path.of(value).toAbsolutePath();
    }
}
