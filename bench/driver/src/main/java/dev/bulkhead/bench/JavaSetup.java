package dev.bulkhead.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How a jar is launched: which JDK, which JVM flags, and an optional AOT cache. The memory flags are the same
 * everywhere so that start-up, throughput and RSS figures describe one configuration.
 */
record JavaSetup(String label, Path javaHome, List<String> extraFlags) {

    /**
     * Bounded heap and a serial collector: on 2 cores a parallel or concurrent collector mostly competes with the
     * request threads, and a heap bounded well below the RSS target leaves room for metaspace (~110 MiB for this
     * application), compiled code and stacks. {@link #APP_ENVIRONMENT} caps glibc's per-thread malloc arenas.
     * {@code -Dbench.app.heap.mib=N} and {@code -Dbench.app.initial-heap.mib=N} on the driver try other heap sizes
     * (see bench/analysis.md).
     */
    static final List<String> APP_FLAGS = List.of("-Xms" + Integer.getInteger("bench.app.initial-heap.mib", 32) + "m",
            "-Xmx" + Integer.getInteger("bench.app.heap.mib", 160) + "m", "-XX:+UseSerialGC",
            "-XX:ReservedCodeCacheSize=64m", "-XX:MaxMetaspaceSize=192m", "-Xss512k");

    /**
     * More flags for the application's JVM, space-separated, from {@code -Dbench.app.extra-flags} on the driver: for
     * experiments (a flight recording, another collector); the reports list them.
     */
    static List<String> extraFlagsFromProperty() {
        return java.util.Arrays.stream(System.getProperty("bench.app.extra-flags", "").trim().split("\\s+"))
                .filter(flag -> !flag.isEmpty()).toList();
    }

    /** The flags the volume rehearsal gives the application: {@link #APP_FLAGS} and the experiment's extra ones. */
    static List<String> appFlagsWithExtras() {
        List<String> flags = new ArrayList<>(APP_FLAGS);
        flags.addAll(extraFlagsFromProperty());
        return flags;
    }

    /** glibc otherwise grows up to 8 malloc arenas per core, each holding on to freed native memory. */
    static final java.util.Map<String, String> APP_ENVIRONMENT = java.util.Map.of("MALLOC_ARENA_MAX", "2");

    List<String> command(Path jar, List<String> more) {
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin/java").toString());
        command.addAll(APP_FLAGS);
        command.addAll(extraFlags);
        command.addAll(more);
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    JavaSetup withFlag(String label, String flag) {
        List<String> flags = new ArrayList<>(extraFlags);
        flags.add(flag);
        return new JavaSetup(label, javaHome, flags);
    }
}
