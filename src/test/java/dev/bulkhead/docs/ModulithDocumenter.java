package dev.bulkhead.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Spring Modulith's own documentation: the component diagram of all modules, one diagram and one
 * canvas (AsciiDoc) per module. Written to a scratch folder and handed back as text, so the
 * generator decides where each file goes and can render the diagrams.
 */
final class ModulithDocumenter {

    private ModulithDocumenter() {
    }

    /** File name ({@code components.puml}, {@code module-user.puml}, {@code module-user.adoc}) to content. */
    static Map<String, String> write(ApplicationModules modules, Path scratch) {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(scratch.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> written = Files.list(scratch)) {
            for (Path file : written.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".puml") || name.endsWith(".adoc")) {
                    files.put(name, DocumenterOutputOrder.stable(name, Files.readString(file).stripTrailing()) + "\n");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!files.containsKey("components.puml")) {
            throw new IllegalStateException("Spring Modulith's Documenter wrote no components.puml into " + scratch
                    + "; it wrote " + List.copyOf(files.keySet()));
        }
        return files;
    }
}
