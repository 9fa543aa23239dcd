package dev.bulkhead.docs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;

/**
 * Renders PlantUML to SVG inside the JVM with PlantUML's own layout engine (smetana), so no
 * Graphviz, no network. Text widths come from the machine's fonts, so the SVG bytes may differ
 * between machines; each SVG therefore names the hash of its source, which is what the freshness
 * check compares.
 */
final class PlantUmlSvg {

    static final String SOURCE_MARKER = "<!-- rendered from PlantUML source sha256:";

    private PlantUmlSvg() {
    }

    static String render(String plantUml) {
        String source = plantUml.replaceFirst("@startuml\\s*\n", "@startuml\n!pragma layout smetana\n");
        ByteArrayOutputStream svg = new ByteArrayOutputStream();
        try {
            new SourceStringReader(source).outputImage(svg, new FileFormatOption(FileFormat.SVG));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String rendered = svg.toString(StandardCharsets.UTF_8);
        if (!rendered.contains("<svg")) {
            throw new IllegalStateException("PlantUML rendered no SVG for:\n" + plantUml);
        }
        int rootEnd = rendered.indexOf('>', rendered.indexOf("<svg")) + 1;
        return rendered.substring(0, rootEnd) + SOURCE_MARKER + sourceHash(plantUml) + " -->"
                + rendered.substring(rootEnd) + (rendered.endsWith("\n") ? "" : "\n");
    }

    static String sourceHashOf(String svg) {
        int at = svg.indexOf(SOURCE_MARKER);
        return at < 0 ? "" : svg.substring(at + SOURCE_MARKER.length(), svg.indexOf(" -->", at));
    }

    static String sourceHash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
