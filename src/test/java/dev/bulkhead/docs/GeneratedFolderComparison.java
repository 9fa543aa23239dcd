package dev.bulkhead.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Which files of the committed documentation differ from a fresh generation. Text files must be
 * identical; an SVG must have been rendered from the same PlantUML source (its bytes depend on the
 * machine's fonts, its source does not).
 */
final class GeneratedFolderComparison {

    private GeneratedFolderComparison() {
    }

    static List<String> differences(Path committed, Path fresh) {
        Set<String> committedFiles = files(committed);
        Set<String> freshFiles = files(fresh);
        List<String> differences = new ArrayList<>();
        for (String file : freshFiles) {
            if (!committedFiles.contains(file)) {
                differences.add("missing: " + file);
            } else if (!sameContent(committed.resolve(file), fresh.resolve(file))) {
                differences.add("out of date: " + file);
            }
        }
        committedFiles.stream().filter(file -> !freshFiles.contains(file)).forEach(file -> differences.add("no longer generated: " + file));
        return differences;
    }

    static Set<String> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Set.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            Set<String> files = new TreeSet<>();
            walk.filter(Files::isRegularFile).forEach(file -> files.add(folder.relativize(file).toString().replace('\\', '/')));
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean sameContent(Path committed, Path fresh) {
        try {
            String expected = Files.readString(committed).replace("\r\n", "\n");
            String actual = Files.readString(fresh).replace("\r\n", "\n");
            if (committed.toString().endsWith(".svg")) {
                return PlantUmlSvg.sourceHashOf(expected).equals(PlantUmlSvg.sourceHashOf(actual));
            }
            return expected.equals(actual);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
