package dev.bulkhead.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time spent so far, read from {@code /proc}: by one process (the application), by every PostgreSQL process,
 * and by this benchmark's own JVM (the load generator, or the SQL replay). Differences over a step, divided by the
 * orders of the step, say where each order's CPU went, which is what the ratio to the floor is made of.
 */
final class CpuTime {

    /** {@code /proc/<pid>/stat} counts in clock ticks; Linux reports them at 100 per second to user space. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private CpuTime() {
    }

    /**
     * One reading of the clocks, in nanoseconds; -1 where {@code /proc} could not be read. {@code jitNanos} is the part
     * of the application's time its JIT compiler threads used.
     */
    record Reading(long appNanos, long postgresNanos, long benchNanos, long jitNanos) {

        static Reading now(long appPid) {
            return new Reading(appPid < 0 ? -1 : process(appPid), postgres(), bench(), appPid < 0 ? -1 : jit(appPid));
        }

        /** Milliseconds of CPU per order between {@code before} and this reading, for each clock. */
        PerOrder perOrderSince(Reading before, int orders) {
            return new PerOrder(ms(appNanos, before.appNanos, orders), ms(postgresNanos, before.postgresNanos, orders),
                    ms(benchNanos, before.benchNanos, orders), ms(jitNanos, before.jitNanos, orders));
        }

        private static double ms(long after, long before, int orders) {
            return after < 0 || before < 0 || orders == 0 ? Double.NaN : (after - before) / 1e6 / orders;
        }
    }

    /**
     * CPU milliseconds per order: the application, PostgreSQL, and the benchmark's own process; {@code jit} is the part
     * of the application's that its JIT compiler used (a warmed-up application spends next to none there).
     */
    record PerOrder(double app, double postgres, double bench, double jit) {
    }

    /** The CPU time of the process's JIT compiler threads (HotSpot names them "C1 CompilerThre…", "C2 CompilerThre…"). */
    static long jit(long pid) {
        try (Stream<Path> threads = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            return threads.mapToLong(thread -> {
                String name = read(thread.resolve("comm"));
                long[] fields = name != null && name.contains("CompilerThre") ? stat(thread.resolve("stat")) : null;
                return fields == null ? 0 : (fields[0] + fields[1]) * NANOS_PER_TICK;
            }).sum();
        } catch (IOException e) {
            return -1;
        }
    }

    /** User and system time of one process and its threads. */
    static long process(long pid) {
        long[] fields = stat(Path.of("/proc", String.valueOf(pid), "stat"));
        return fields == null ? -1 : (fields[0] + fields[1]) * NANOS_PER_TICK;
    }

    /**
     * Every process named {@code postgres}: the server, its background workers and its backends, live ones by their
     * own time and ended ones through the time the server collected from them. An idle PostgreSQL of the machine's
     * own adds nothing to a difference.
     */
    static long postgres() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(p -> {
                        long[] fields = statIfPostgres(p.resolve("stat"));
                        return fields == null ? 0 : (fields[0] + fields[1] + fields[2] + fields[3]) * NANOS_PER_TICK;
                    }).sum();
        } catch (IOException e) {
            return -1;
        }
    }

    private static long bench() {
        return ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime();
    }

    private static long[] statIfPostgres(Path stat) {
        String line = read(stat);
        return line != null && line.contains("(postgres)") ? fields(line) : null;
    }

    private static long[] stat(Path stat) {
        String line = read(stat);
        return line == null ? null : fields(line);
    }

    /** utime, stime, cutime, cstime: fields 14 to 17, counted after the command name, which may hold spaces. */
    private static long[] fields(String line) {
        String[] rest = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return new long[] { Long.parseLong(rest[11]), Long.parseLong(rest[12]), Long.parseLong(rest[13]), Long.parseLong(rest[14]) };
    }

    private static String read(Path stat) {
        try {
            return Files.readString(stat);
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }
}
