package dev.bulkhead.docs;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.bulkhead.BulkheadApplication;
import dev.bulkhead.platform.modules.DeclaredModules;
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

    private final DeclaredModules declared;

    private Codebase(ApplicationModules modules, JavaClasses classes) {
        this.modules = modules;
        this.classes = classes;
        this.declared = DeclaredModules.of(modules);
        this.documented = modules.stream().sorted(Comparator.comparing(m -> m.getIdentifier().toString()))
                .map(this::describe).toList();
    }

    static Codebase ofApplication() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(DeclaredModules.applicationPackage());
        return new Codebase(ApplicationModules.of(BulkheadApplication.class), classes);
    }

    /** The application with the modules that live in the test sources: what the test application runs. */
    static Codebase ofTestApplication() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(DeclaredModules.applicationPackage());
        return new Codebase(ApplicationModules.of(BulkheadApplication.class, ImportOption.Predefined.DO_NOT_INCLUDE_JARS), classes);
    }

    /** The modules and what each declares about itself. */
    DeclaredModules declared() {
        return declared;
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
        // Modulith puts classes of the application's own package (the application classes) in a "root" module that
        // is not one of the modules: they belong to none
        return modules.getModuleByType(type.getName()).map(module -> module.getIdentifier().toString())
                .filter(name -> modules.getModuleByName(name).isPresent());
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
                Optional.ofNullable(declared.named(name).orElseThrow().schema()), PackageDescription.of(module.getBasePackage().getName()), published);
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
