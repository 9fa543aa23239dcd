package dev.bulkhead.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The committed memory of a JVM by category, from {@code jcmd <pid> VM.native_memory summary}: where RSS goes. */
final class NativeMemory {

    private static final Pattern CATEGORY = Pattern.compile("^[-\\s]*(Total|[A-Z][\\w ]*?) ?\\(?:? ?reserved=\\d+KB, committed=(\\d+)KB", Pattern.MULTILINE);

    private NativeMemory() {
    }

    /** Category → committed MiB, largest first; empty when the process does not track native memory. */
    static Map<String, Double> committed(Path javaHome, long pid) {
        Map<String, Double> committed = new LinkedHashMap<>();
        try {
            Process jcmd = new ProcessBuilder(javaHome.resolve("bin/jcmd").toString(), String.valueOf(pid),
                    "VM.native_memory", "summary").redirectErrorStream(true).start();
            String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor(30, TimeUnit.SECONDS);
            Matcher category = CATEGORY.matcher(output);
            while (category.find()) {
                committed.put(category.group(1).trim(), Long.parseLong(category.group(2)) / 1024.0);
            }
        } catch (IOException e) {
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
        Map<String, Double> sorted = new LinkedHashMap<>();
        committed.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                .filter(e -> e.getValue() >= 1).forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
