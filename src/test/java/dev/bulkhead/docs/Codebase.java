package dev.bulkhead.docs;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.bulkhead.BulkheadApplication;
import dev.bulkhead.platform.ModuleSchemas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The application's classes as Spring Modulith and ArchUnit see them, plus the single declaration
 * of schemas. Every page reads the code through this, so nothing is listed by hand.
 */
final class Codebase {

    private final ApplicationModules modules;
    private final JavaClasses classes;
    private final List<DocumentedModule> documented;

    private Codebase(ApplicationModules modules, JavaClasses classes) {
        this.modules = modules;
        this.classes = classes;
        this.documented = modules.stream().sorted(Comparator.comparing(m -> m.getIdentifier().toString()))
                .map(this::describe).toList();
    }

    static Codebase ofApplication() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ModuleSchemas.BASE_PACKAGE);
        return new Codebase(ApplicationModules.of(BulkheadApplication.class), classes);
    }

    ApplicationModules modules() {
        return modules;
    }

    JavaClasses classes() {
        return classes;
    }

    /** Every module, by name. */
    List<DocumentedModule> documentedModules() {
        return documented;
    }

    Optional<String> moduleOf(JavaClass type) {
        return modules.getModuleByType(type.getName()).map(module -> module.getIdentifier().toString());
    }

    ApplicationModule module(String name) {
        return modules.getModuleByName(name).orElseThrow();
    }

    private DocumentedModule describe(ApplicationModule module) {
        String name = module.getIdentifier().toString();
        List<String> published = module.getNamedInterfaces().stream()
                .flatMap(ni -> ni.asJavaClasses())
                .map(JavaClass::getName).distinct().sorted().toList();
        return new DocumentedModule(name, module.getDisplayName(), module.getBasePackage().getName(),
                ModuleSchemas.schemaOf(name), PackageDescription.of(module.getBasePackage().getName()), published);
    }

    /** The first sentences of a module's package-info Javadoc: the module's own account of what it owns. */
    static final class PackageDescription {

        private PackageDescription() {
        }

        static String of(String packageName) {
            Path file = Path.of("src/main/java", packageName.replace('.', '/'), "package-info.java");
            if (!Files.exists(file)) {
                return "";
            }
            try {
                String source = Files.readString(file);
                int start = source.indexOf("/**");
                int end = source.indexOf("*/", start);
                if (start < 0 || end < 0) {
                    return "";
                }
                String comment = source.substring(start + 3, end).replaceAll("(?m)^\\s*\\*\\s?", " ");
                return comment.replaceAll("\\{@(?:link|code)\\s+(?:[a-z]+\\.)*([^}]+)}", "$1")
                        .replaceAll("\\s+", " ").strip();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
