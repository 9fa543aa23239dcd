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
     * request threads, and a heap bounded well below the RSS target leaves room for metaspace, code and stacks.
     */
    static final List<String> APP_FLAGS = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
            "-XX:ReservedCodeCacheSize=64m", "-XX:MaxMetaspaceSize=192m", "-Xss512k");

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
