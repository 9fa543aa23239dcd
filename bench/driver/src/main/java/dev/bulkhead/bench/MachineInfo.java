package dev.bulkhead.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the figures were measured on: CPU, cores, memory, kernel, and how busy the machine was. */
final class MachineInfo {

    private MachineInfo() {
    }

    static String cpu() {
        return firstValue(Path.of("/proc/cpuinfo"), "model name").orElse("unknown CPU");
    }

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    static String memory() {
        return firstValue(Path.of("/proc/meminfo"), "MemTotal").map(v -> Long.parseLong(v.replaceAll("[^0-9]", "")) / 1024 + " MiB")
                .orElse("unknown");
    }

    /** The 1, 5 and 15 minute load averages: above the core count, something else competed for the CPU. */
    static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    static String os() {
        return System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
    }

    private static java.util.Optional<String> firstValue(Path file, String key) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.stream().filter(l -> l.startsWith(key)).findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim());
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }
}
