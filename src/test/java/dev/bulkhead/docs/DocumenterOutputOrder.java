package dev.bulkhead.docs;

import java.util.ArrayList;
import java.util.List;

/**
 * Spring Modulith's Documenter writes relations and canvas list items in an order that changes
 * from run to run (it iterates hash-based collections). The documentation is compared with its
 * committed copy, so this puts exactly those parts in a stable order without changing what they say.
 */
final class DocumenterOutputOrder {

    private DocumenterOutputOrder() {
    }

    static String stable(String fileName, String content) {
        if (fileName.endsWith(".puml")) {
            return sortRuns(content, line -> line.startsWith("Rel("));
        }
        if (fileName.endsWith(".adoc")) {
            return sortAsciidocLists(content);
        }
        return content;
    }

    /** Sorts each run of consecutive lines the predicate accepts. */
    private static String sortRuns(String content, java.util.function.Predicate<String> sortable) {
        List<String> out = new ArrayList<>();
        List<String> run = new ArrayList<>();
        for (String line : content.split("\n", -1)) {
            if (sortable.test(line)) {
                run.add(line);
                continue;
            }
            run.sort(null);
            out.addAll(run);
            run.clear();
            out.add(line);
        }
        run.sort(null);
        out.addAll(run);
        return String.join("\n", out);
    }

    /**
     * Sorts the items of each list in a canvas table cell. An item is a {@code * } line with its
     * {@code ** } sub-items; the first item of a cell carries the cell's {@code |}.
     */
    private static String sortAsciidocLists(String content) {
        List<String> out = new ArrayList<>();
        List<List<String>> items = new ArrayList<>();
        boolean cellStart = false;
        for (String line : content.split("\n", -1)) {
            boolean itemStart = line.startsWith("* ") || line.startsWith("|* ");
            if (itemStart) {
                if (items.isEmpty()) {
                    cellStart = line.startsWith("|");
                }
                items.add(new ArrayList<>(List.of(line.startsWith("|") ? line.substring(1) : line)));
            } else if (line.startsWith("** ") && !items.isEmpty()) {
                items.get(items.size() - 1).add(line);
            } else {
                flush(items, cellStart, out);
                out.add(line);
            }
        }
        flush(items, cellStart, out);
        return String.join("\n", out);
    }

    private static void flush(List<List<String>> items, boolean cellStart, List<String> out) {
        if (items.isEmpty()) {
            return;
        }
        items.sort(java.util.Comparator.comparing(item -> String.join("\n", item)));
        for (int i = 0; i < items.size(); i++) {
            List<String> item = items.get(i);
            out.add((i == 0 && cellStart ? "|" : "") + item.get(0));
            out.addAll(item.subList(1, item.size()));
        }
        items.clear();
    }
}
