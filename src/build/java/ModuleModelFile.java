import java.nio.file.Files;
import java.nio.file.Path;
import com.tngtech.archunit.core.importer.ImportOption;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.util.ApplicationModulesExporter;

/**
 * Writes Spring Modulith's module model of the compiled application to
 * {@code META-INF/spring-modulith/application-modules.json} (ADR 0020). When that file is on the classpath, the
 * {@code /actuator/modulith} endpoint serves it and Modulith's runtime reads the module identifiers from it;
 * without it, every start scans all application classes with ArchUnit and the main thread waits for that scan
 * (about 3 s of a 13 s start on two cores). The content is what Spring Boot's AOT processing would generate
 * ({@code ApplicationModulesExporter#toJson} of the main class's modules).
 *
 * <p>Run by the build in {@code process-classes} as a single-file program:
 * {@code java -cp <runtime classpath> src/build/java/ModuleModelFile.java <main class> <output file>}. With a third
 * argument {@code --with-tests} (run in {@code process-test-classes} on the test class path) the model also takes in
 * the test classes, so a module that lives in test sources is a module of the test application (ADR 0026).
 */
public class ModuleModelFile {

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 3 || (args.length == 3 && !args[2].equals("--with-tests"))) {
            throw new IllegalArgumentException("usage: ModuleModelFile <main class> <output file> [--with-tests]");
        }
        Class<?> application = Class.forName(args[0]);
        ApplicationModules modules = args.length == 3
                ? ApplicationModules.of(application, ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                : ApplicationModules.of(application);
        Path output = Path.of(args[1]);
        Files.createDirectories(output.getParent());
        Files.writeString(output, new ApplicationModulesExporter(modules).toJson());
        System.out.println("[bulkhead] module model of " + modules.stream().count() + " modules written to " + output);
    }
}
