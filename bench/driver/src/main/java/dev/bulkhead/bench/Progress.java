package dev.bulkhead.bench;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** One line per step on the console, so a long run shows where it is. */
final class Progress {

    /** Always with the seconds: {@link LocalTime#toString()} leaves them out at :00. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Progress() {
    }

    static void say(String format, Object... args) {
        System.out.println("[bench " + LocalTime.now().format(TIME) + "] " + String.format(format, args));
    }
}
