package modulith.boundaries;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Knowingly accepted violations, reviewed like code. One entry per line:
 * <pre>
 * R2.persistence | com.acme.billing.internal.Invoicing | billing → user | com.acme.user.internal.UserRepository  # why, and until when
 * </pre>
 * The part before {@code #} is the violation's key (rule | where | boundary | subject, no line
 * numbers, so entries survive unrelated edits); the reason after {@code #} is mandatory. Blank
 * lines and lines starting with {@code #} are comments.
 */
public final class Baseline {

    /** @param line where the entry is in the file, for messages about it */
    public record Entry(String key, String reason, int line) {

        public String ruleId() {
            return key.substring(0, key.indexOf('|')).strip();
        }
    }

    private final Path file;
    private final List<Entry> entries;
    private final List<String> problems;

    private Baseline(Path file, List<Entry> entries, List<String> problems) {
        this.file = file;
        this.entries = List.copyOf(entries);
        this.problems = List.copyOf(problems);
    }

    public static Baseline empty() {
        return new Baseline(Path.of("(no baseline)"), List.of(), List.of());
    }

    public static Baseline read(Path file) {
        if (!Files.exists(file)) {
            return new Baseline(file, List.of(), List.of());
        }
        try {
            return parse(file, Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Baseline parse(Path file, List<String> lines) {
        List<Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            int hash = text.indexOf('#');
            String key = normalizeKey(hash < 0 ? text : text.substring(0, hash));
            String reason = hash < 0 ? "" : text.substring(hash + 1).strip();
            if (key.split("\\|").length != 4) {
                problems.add(file + ":" + (i + 1) + ": an entry has four parts, rule | where | boundary | subject, got: " + text);
            } else if (reason.isEmpty()) {
                problems.add(file + ":" + (i + 1) + ": say why this violation is accepted, after a '#': " + text);
            } else {
                entries.add(new Entry(key, reason, i + 1));
            }
        }
        return new Baseline(file, entries, problems);
    }

    private static String normalizeKey(String key) {
        return String.join(" | ", java.util.Arrays.stream(key.split("\\|")).map(String::strip).toList());
    }

    public Path file() {
        return file;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Entries without a reason or in the wrong shape: the file itself needs fixing. */
    public List<String> problems() {
        return problems;
    }

    public List<Entry> entriesFor(String ruleIdPrefix) {
        return entries.stream().filter(entry -> entry.ruleId().equals(ruleIdPrefix)).toList();
    }
}
