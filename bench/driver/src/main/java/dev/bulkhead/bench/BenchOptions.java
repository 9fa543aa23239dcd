package dev.bulkhead.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The command line of the driver; {@code bench/run} fills it in. */
record BenchOptions(boolean quick, Path jar, Path minimalJar, Path jdk17, Path jdk25, Path results, Path work,
        String dbUrl, String dbUser, String dbPassword, Path checkTimes, java.util.Set<String> phases, Path jfr) {

    boolean runs(String phase) {
        return phases.contains(phase);
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
        return new BenchOptions(quick, path(values, "jar"), path(values, "minimal-jar"),
                Path.of(values.getOrDefault("jdk17", System.getProperty("java.home"))), path(values, "jdk25"),
                path(values, "results"), path(values, "work"), values.get("db-url"),
                values.getOrDefault("db-user", "postgres"), values.getOrDefault("db-password", ""), path(values, "check-times"),
                java.util.Set.of(values.getOrDefault("phases", "startup,floor,load").split(",")), path(values, "jfr"));
    }

    private static Path path(Map<String, String> values, String key) {
        String value = values.get(key);
        return value == null ? null : Path.of(value).toAbsolutePath();
    }
}
