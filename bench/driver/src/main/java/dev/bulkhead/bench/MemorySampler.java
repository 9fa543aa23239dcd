package dev.bulkhead.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Samples a process's resident set ({@code VmRSS}) and thread count from {@code /proc} five times a second, and
 * keeps the highest of each per phase of the benchmark. The kernel's own high-water mark ({@code VmHWM}) says how
 * high the RSS went, not when; this says in which phase, and whether threads grew with it.
 */
final class MemorySampler implements AutoCloseable {

    record Phase(String name, double maxRssMib, int maxThreads, double lastRssMib) {
    }

    private final Path status;
    private final Map<String, Phase> phases = new LinkedHashMap<>();
    private final Thread sampler;
    private volatile String current = "start-up";
    private volatile boolean running = true;

    MemorySampler(long pid) {
        this.status = Path.of("/proc", String.valueOf(pid), "status");
        this.sampler = new Thread(this::sampleUntilClosed, "memory-sampler");
        this.sampler.setDaemon(true);
        this.sampler.start();
    }

    /** Samples from now on count towards {@code name}. */
    void phase(String name) {
        current = name;
    }

    /** Phases in the order they began, each with its highest RSS and thread count. */
    synchronized Map<String, Phase> phases() {
        return new LinkedHashMap<>(phases);
    }

    private void sampleUntilClosed() {
        while (running) {
            sample();
            Pause.millis(200);
        }
    }

    private void sample() {
        double rssMib = -1;
        int threads = -1;
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    rssMib = Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                } else if (line.startsWith("Threads:")) {
                    threads = Integer.parseInt(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException gone) {
            return; // the process has ended
        }
        record(current, rssMib, threads);
    }

    private synchronized void record(String name, double rssMib, int threads) {
        Phase before = phases.get(name);
        phases.put(name, before == null ? new Phase(name, rssMib, threads, rssMib)
                : new Phase(name, Math.max(before.maxRssMib(), rssMib), Math.max(before.maxThreads(), threads), rssMib));
    }

    @Override
    public void close() {
        running = false;
        sample();
    }
}
