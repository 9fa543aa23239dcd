package dev.bulkhead.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a JVM's resident memory goes and what its collector did, read with {@code jcmd} and {@code jstat}: no
 * Native Memory Tracking, whose own tables and malloc headers would add to the RSS being measured.
 */
final class JvmMemory {

    private static final Pattern GENERATION = Pattern.compile("generation\\s+total (\\d+)K");
    private static final Pattern METASPACE = Pattern.compile("Metaspace\\s+used \\d+K, committed (\\d+)K");
    private static final Pattern CODE_HEAP = Pattern.compile(
            // one line per code heap; a single "CodeCache" line when the cache is too small to be segmented (< 240 MiB)
            "(?:CodeHeap '[^']+'|CodeCache): size=\\d+Kb used=\\d+Kb max_used=(\\d+)Kb");

    /** What the collector did since the JVM started. */
    record Collections(long young, double youngSeconds, long full, double fullSeconds) {
    }

    private JvmMemory() {
    }

    /**
     * Java heap and metaspace as committed, compiled code as the most the code cache ever held, and the rest of
     * the resident set (thread stacks, the JVM's own and the libraries' native memory, shared libraries).
     * Empty when {@code jcmd} cannot attach.
     */
    static Map<String, Double> breakdown(Path javaHome, long pid, double rssMib) {
        String heapInfo = jcmd(javaHome, pid, "GC.heap_info");
        String codeCache = jcmd(javaHome, pid, "Compiler.codecache");
        double heap = sum(GENERATION, heapInfo);
        double metaspace = sum(METASPACE, heapInfo);
        double code = sum(CODE_HEAP, codeCache);
        if (heap == 0 || metaspace == 0) {
            return Map.of();
        }
        Map<String, Double> parts = new LinkedHashMap<>();
        parts.put("Java heap (committed)", heap);
        parts.put("Metaspace, with class space (committed)", metaspace);
        parts.put("Compiled code (most the code cache held)", code);
        parts.put("the rest: stacks, JVM and library native memory, mapped files", rssMib - heap - metaspace - code);
        return parts;
    }

    /** The collector's counts and times from {@code jstat -gc}; null when it cannot attach. */
    static Collections collections(Path javaHome, long pid) {
        String[] lines = run(List.of(javaHome.resolve("bin/jstat").toString(), "-gc", String.valueOf(pid))).strip().split("\n");
        if (lines.length < 2) {
            return null;
        }
        List<String> names = Arrays.asList(lines[0].trim().split("\\s+"));
        String[] values = lines[1].trim().split("\\s+");
        try {
            return new Collections(Long.parseLong(values[names.indexOf("YGC")]), Double.parseDouble(values[names.indexOf("YGCT")]),
                    Long.parseLong(values[names.indexOf("FGC")]), Double.parseDouble(values[names.indexOf("FGCT")]));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static double sum(Pattern pattern, String text) {
        double kib = 0;
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            kib += Long.parseLong(matcher.group(1));
        }
        return kib / 1024.0;
    }

    private static String jcmd(Path javaHome, long pid, String command) {
        return run(List.of(javaHome.resolve("bin/jcmd").toString(), String.valueOf(pid), command));
    }

    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(30, TimeUnit.SECONDS);
            return output;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
