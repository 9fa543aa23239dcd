package modulith.boundaries.source;

import com.tngtech.archunit.core.domain.JavaClass;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the {@code .java} file of a compiled class and lines in it. Bytecode has no line numbers
 * for annotations, fields or string constants, so reports point at the source line instead.
 */
public final class SourceLocator {

    /** Enough characters that a literal starting a constant is not there by chance ({@code "; "} is not). */
    private static final int MIN_LITERAL_START = 4;
    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final List<Path> sourceRoots;
    private final Path repositoryRoot;
    private final Map<Path, List<String>> lines = new ConcurrentHashMap<>();

    public SourceLocator(List<Path> sourceRoots, Path repositoryRoot) {
        this.sourceRoots = sourceRoots;
        this.repositoryRoot = repositoryRoot;
    }

    /** The source file of a class (of its top-level class, for nested ones). */
    public Optional<Path> fileOf(JavaClass javaClass) {
        JavaClass topLevel = javaClass;
        while (topLevel.getEnclosingClass().isPresent()) {
            topLevel = topLevel.getEnclosingClass().get();
        }
        String fileName = topLevel.getSource().flatMap(source -> source.getFileName())
                .orElse(topLevel.getSimpleName() + ".java");
        String packagePath = topLevel.getPackageName().replace('.', '/');
        for (Path root : sourceRoots) {
            Path candidate = repositoryRoot.resolve(root).resolve(packagePath).resolve(fileName);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The path to show in reports: relative to the repository root, forward slashes. */
    public String relative(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(repositoryRoot) ? repositoryRoot.relativize(absolute) : absolute;
        return shown.toString().replace('\\', '/');
    }

    /** Repository-relative path of a class's source, or the bare file name when the source is not around. */
    public String displayPath(JavaClass javaClass) {
        return fileOf(javaClass).map(this::relative)
                .orElseGet(() -> javaClass.getSource().flatMap(source -> source.getFileName()).orElse(javaClass.getSimpleName() + ".java"));
    }

    /** The first line (1-based) of the class's file matching {@code test}, or 0. */
    public int lineMatching(JavaClass javaClass, Predicate<String> test) {
        Optional<Path> file = fileOf(javaClass);
        if (file.isEmpty()) {
            return 0;
        }
        List<String> content = linesOf(file.get());
        for (int i = 0; i < content.size(); i++) {
            if (test.test(content.get(i))) {
                return i + 1;
            }
        }
        return 0;
    }

    /** The line declaring the class itself. */
    public int declarationLine(JavaClass javaClass) {
        String name = javaClass.getSimpleName();
        int line = lineMatching(javaClass, text -> text.matches(".*\\b(class|interface|record|enum)\\s+" + name + "\\b.*"));
        return line > 0 ? line : 1;
    }

    /** The line declaring a field or method of the class, falling back to the class declaration. */
    public int memberLine(JavaClass javaClass, String memberName, boolean method) {
        String pattern = method ? ".*\\b" + memberName + "\\s*\\(.*" : ".*\\b" + memberName + "\\s*(;|=).*";
        int line = lineMatching(javaClass, text -> text.matches(pattern) && !text.trim().startsWith("*")
                && !text.trim().startsWith("//") && !text.contains(" new "));
        return line > 0 ? line : declarationLine(javaClass);
    }

    /**
     * The line where a string literal starts in the source. Only the start of its first line is
     * searched, because a constant may be split over several literals or a text block.
     */
    public int literalLine(JavaClass javaClass, String literal) {
        String firstLine = literal.strip().lines().findFirst().orElse("").strip();
        String start = firstLine.length() > 60 ? firstLine.substring(0, 60) : firstLine;
        if (start.isEmpty()) {
            return 0;
        }
        return lineMatching(javaClass, text -> text.contains(start));
    }

    /**
     * The line of a string constant, also of one javac assembled from several parts: a
     * {@code static final} folded in ({@code "SET ROLE " + ROLE}) or a concatenation recipe whose
     * run-time values are placeholders ({@code "SET ROLE \u0001"}). Such a constant appears in no
     * single literal, so the line holding the longest literal it starts with is taken; 0 when
     * there is none.
     */
    public int constantLine(JavaClass javaClass, String constant) {
        int exact = literalLine(javaClass, constant);
        if (exact > 0) {
            return exact;
        }
        Optional<Path> file = fileOf(javaClass);
        if (file.isEmpty()) {
            return 0;
        }
        List<String> content = linesOf(file.get());
        int bestLine = 0;
        int bestLength = 0;
        for (int i = 0; i < content.size(); i++) {
            Matcher literal = STRING_LITERAL.matcher(content.get(i));
            while (literal.find()) {
                String text = unescape(literal.group(1));
                if (text.strip().length() >= MIN_LITERAL_START && text.length() > bestLength && constant.startsWith(text)) {
                    bestLine = i + 1;
                    bestLength = text.length();
                }
            }
        }
        return bestLine;
    }

    /** The common escapes; a literal with others simply does not match the constant. */
    private static String unescape(String literal) {
        return literal.replace("\\\"", "\"").replace("\\n", "\n").replace("\\t", "\t").replace("\\'", "'")
                .replace("\\\\", "\\");
    }

    private List<String> linesOf(Path file) {
        return lines.computeIfAbsent(file, path -> {
            try {
                return Files.readAllLines(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
