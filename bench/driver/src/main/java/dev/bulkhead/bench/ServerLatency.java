package dev.bulkhead.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The requests' latency as the application's web server measured it, beside what the bench's clients measured: the two
 * differ by what a request and its answer spent outside Tomcat's handling, in the kernel's queues, in Tomcat's poller
 * before a worker took the request, and in the clients' own process, which shares the two cores with the application
 * and the database. Read from Tomcat's access log, one
 * line a request: the epoch millisecond its handling began, its time in microseconds ({@code %D}, from the worker
 * reading its first byte to the answer's last byte written) and its path. Every request counts at its own value; the
 * application's request meter, read before, gave a histogram whose buckets (7.0, 8.4, 9.8, 11.2 ms) were a fifth apart,
 * too coarse to tell 1.4 × from 1.6 ×, and reading it took a request of its own at each phase's start and end.
 */
final class ServerLatency {

    private static final String PATTERN = "%{begin:msec}t %D %U";
    /** The log's name with rotation off: prefix and suffix, nothing between. */
    private static final String FILE = "access.log";
    /** How long a request's line may take to appear after its client had the answer: Tomcat writes it just after. */
    private static final long LINES_WAIT_MILLIS = 2_000;

    private final Path file;

    private ServerLatency(Path file) {
        this.file = file;
    }

    /** The latencies in this directory's access log, which {@link #appArguments} has the application write. */
    static ServerLatency in(Path directory) {
        return new ServerLatency(directory.resolve(FILE));
    }

    /** The application's arguments that have Tomcat write every request's line to {@code directory}, unbuffered. */
    static List<String> appArguments(Path directory) {
        return List.of("--server.tomcat.accesslog.enabled=true", "--server.tomcat.accesslog.directory=" + directory,
                "--server.tomcat.accesslog.prefix=access", "--server.tomcat.accesslog.suffix=.log",
                "--server.tomcat.accesslog.rotate=false", "--server.tomcat.accesslog.buffered=false",
                "--server.tomcat.accesslog.pattern=" + PATTERN);
    }

    /**
     * The requests to a URI pattern ({@code /v1/dashboard/{userId}}: a variable matches one path segment) whose
     * handling began in {@code [fromEpochMillis, toEpochMillis]}, once at least {@code expected} of them are in the log
     * (or after two seconds of waiting for them).
     */
    Latencies between(String uriPattern, long fromEpochMillis, long toEpochMillis, long expected) {
        Pattern path = Pattern.compile(literal(uriPattern));
        long giveUp = System.currentTimeMillis() + LINES_WAIT_MILLIS;
        while (true) {
            Latencies latencies = new Latencies();
            try (Stream<String> lines = Files.exists(file) ? Files.lines(file) : Stream.empty()) {
                lines.forEach(line -> {
                    String[] fields = line.split(" ");
                    if (fields.length == 3 && path.matcher(fields[2]).matches()) {
                        long began = Long.parseLong(fields[0]);
                        if (began >= fromEpochMillis && began <= toEpochMillis) {
                            latencies.recordMicros(Long.parseLong(fields[1]));
                        }
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (latencies.count() >= expected || System.currentTimeMillis() > giveUp) {
                return latencies;
            }
            Pause.millis(50);
        }
    }

    /** The URI pattern as a regular expression: its text literally, each {@code {variable}} one segment. */
    private static String literal(String uriPattern) {
        StringBuilder regex = new StringBuilder();
        for (String part : uriPattern.split("\\{[^}/]+\\}", -1)) {
            if (!regex.isEmpty()) {
                regex.append("[^/]+");
            }
            regex.append(Pattern.quote(part));
        }
        return regex.toString();
    }
}
