package dev.bulkhead.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The application's stop-the-world collections, from the GC logs the rehearsal has it write
 * ({@code -Xlog:gc:file=…:time,uptime}): a line such as
 * {@code [2026-12-02T19:57:47.515+0000][108.108s] GC(187) Pause Young (Allocation Failure) 66M->43M(91M) 7.634ms}.
 */
final class GcPauses {

    /** One pause, in wall-clock milliseconds since the epoch: it ended at {@code endMillis}. */
    record Pause(double startMillis, double endMillis) {

        boolean overlaps(double fromMillis, double toMillis) {
            return startMillis < toMillis && endMillis > fromMillis;
        }
    }

    private static final Pattern LINE = Pattern.compile("^\\[([^\\]]+)\\]\\[[^\\]]+\\].* Pause .* ([0-9.]+)ms$");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx");

    private GcPauses() {
    }

    /** Every pause in the logs {@code volume-app-*-gc.log} of the directory, in no particular order. */
    static List<Pause> in(Path logs) {
        List<Pause> pauses = new ArrayList<>();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.filter(file -> file.getFileName().toString().endsWith("-gc.log")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    Matcher pause = LINE.matcher(line.strip());
                    if (pause.matches()) {
                        double end = OffsetDateTime.parse(pause.group(1), TIME).toInstant().toEpochMilli();
                        pauses.add(new Pause(end - Double.parseDouble(pause.group(2)), end));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pauses;
    }
}
