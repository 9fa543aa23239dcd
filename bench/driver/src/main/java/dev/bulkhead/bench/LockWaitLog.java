package dev.bulkhead.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's own record of lock waits: with {@code log_lock_waits = on} and {@code deadlock_timeout = 100ms}
 * PostgreSQL logs every wait that passes 100 ms ("still waiting for ... after 100.1 ms") and, when the lock comes,
 * how long it took ("acquired ... after 152.3 ms"), each followed by the statement that waited.
 */
final class LockWaitLog {

    record Wait(Instant at, String what, double afterMs, boolean acquired, String statement) {
    }

    private static final Pattern LINE = Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3}) \\w+\\|\\d+\\|LOG:  process \\d+ (still waiting for|acquired) (.+?) after ([0-9.]+) ms");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private LockWaitLog() {
    }

    static List<Wait> read(Path log) {
        List<Wait> waits = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < lines.size(); i++) {
            Matcher line = LINE.matcher(lines.get(i));
            if (line.find()) {
                String statement = "";
                for (int j = i + 1; j < Math.min(lines.size(), i + 4); j++) {
                    int at = lines.get(j).indexOf("STATEMENT:  ");
                    if (at >= 0) {
                        statement = lines.get(j).substring(at + "STATEMENT:  ".length()).strip();
                        break;
                    }
                }
                waits.add(new Wait(LocalDateTime.parse(line.group(1), TIME).toInstant(ZoneOffset.UTC), line.group(3),
                        Double.parseDouble(line.group(4)), line.group(2).equals("acquired"), statement));
            }
        }
        return waits;
    }
}
