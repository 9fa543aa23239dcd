package dev.bulkhead.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Linux's pressure stall information ({@code /proc/pressure/cpu} and {@code /io}, "some" line): for how long at least one
 * task was ready to run but waited for a CPU, or waited for I/O. Read at the start and the end of a phase, it says whether
 * the requests' slow tail came from the cores being taken or from the disk. Absent on kernels without PSI.
 */
record Pressure(long cpuSomeMicros, long ioSomeMicros, long atNanos) {

    /** The share of a phase's wall time during which some task waited for a CPU, and for I/O. */
    record Share(double cpu, double io) {

        static final Share UNKNOWN = new Share(Double.NaN, Double.NaN);
    }

    static Optional<Pressure> now() {
        try {
            return Optional.of(new Pressure(someTotal(Path.of("/proc/pressure/cpu")), someTotal(Path.of("/proc/pressure/io")),
                    System.nanoTime()));
        } catch (IOException | RuntimeException unavailable) {
            return Optional.empty();
        }
    }

    Share since(Pressure earlier) {
        double wallMicros = (atNanos - earlier.atNanos) / 1000.0;
        return wallMicros <= 0 ? Share.UNKNOWN
                : new Share((cpuSomeMicros - earlier.cpuSomeMicros) / wallMicros, (ioSomeMicros - earlier.ioSomeMicros) / wallMicros);
    }

    /** {@code some avg10=0.00 avg60=0.00 avg300=0.00 total=123456}: the total, in microseconds. */
    private static long someTotal(Path file) throws IOException {
        String some = Files.readAllLines(file).stream().filter(line -> line.startsWith("some ")).findFirst().orElseThrow();
        return Long.parseLong(some.substring(some.indexOf("total=") + "total=".length()).trim());
    }
}
