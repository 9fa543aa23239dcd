package dev.bulkhead.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A JDK's version as its {@code release} file states it, e.g. {@code 17.0.15}. */
final class JdkVersion {

    private JdkVersion() {
    }

    static String of(Path javaHome) {
        try {
            for (String line : Files.readAllLines(javaHome.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    return line.substring("JAVA_VERSION=".length()).replace("\"", "");
                }
            }
        } catch (IOException e) {
            // fall through
        }
        return javaHome.getFileName().toString();
    }

    /** The vendor and full runtime version, for the report. */
    static String describe(Path javaHome) {
        try {
            for (String line : Files.readAllLines(javaHome.resolve("release"))) {
                if (line.startsWith("IMPLEMENTOR=")) {
                    return line.substring("IMPLEMENTOR=".length()).replace("\"", "") + " " + of(javaHome) + " (" + javaHome + ")";
                }
            }
        } catch (IOException e) {
            // fall through
        }
        return of(javaHome) + " (" + javaHome + ")";
    }
}
