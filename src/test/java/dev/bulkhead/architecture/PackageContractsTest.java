package dev.bulkhead.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.core.importer.Locations;
import dev.bulkhead.BulkheadApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Contracts each package states in code: JSpecify's {@code @NullMarked} (nothing is null unless it says
 * {@code @Nullable}), and for each module the direction of its dependencies ({@code allowedDependencies}), which
 * Spring Modulith's verification enforces.
 */
@Tag("architecture")
class PackageContractsTest {

    @Test
    void every_package_of_the_application_is_null_marked() {
        assertThat(packagesWithoutNullMarked(BulkheadApplication.class.getPackageName()))
                .as("packages without @NullMarked on their package-info.java").isEmpty();
    }

    @Test
    void every_module_states_which_modules_it_may_depend_on() {
        assertThat(modulesWithoutAllowedDependencies(BulkheadApplication.class.getPackageName()))
                .as("modules whose @ApplicationModule leaves allowedDependencies open").isEmpty();
    }

    @Test
    void the_checks_find_a_package_without_null_marked_and_a_module_without_stated_dependencies() {
        assertThat(packagesWithoutNullMarked("fixture.directions")).contains("fixture.directions.pricing")
                .doesNotContain("fixture.directions.catalog");
        assertThat(modulesWithoutAllowedDependencies("fixture.directions")).containsExactly("fixture.directions.shipping");
    }

    @Test
    void spring_modulith_refuses_a_dependency_against_the_stated_direction() {
        assertThatThrownBy(() -> ApplicationModules.of("fixture.directions", ImportOption.Predefined.DO_NOT_INCLUDE_JARS).verify())
                .hasMessageContaining("catalog").hasMessageContaining("pricing").hasMessageContaining("Allowed targets: none");
    }

    private static Set<String> packagesWithoutNullMarked(String root) {
        Set<String> missing = new TreeSet<>();
        for (String name : packagesOf(root)) {
            if (packageInfo(name) == null || !packageInfo(name).isAnnotationPresent(NullMarked.class)) {
                missing.add(name);
            }
        }
        return missing;
    }

    private static List<String> modulesWithoutAllowedDependencies(String root) {
        List<String> open = new ArrayList<>();
        for (String name : packagesOf(root)) {
            Class<?> info = packageInfo(name);
            ApplicationModule module = info == null ? null : info.getAnnotation(ApplicationModule.class);
            if (module != null && List.of(module.allowedDependencies()).contains(ApplicationModule.OPEN_TOKEN)) {
                open.add(name);
            }
        }
        return open;
    }

    /** The packages holding classes under {@code root}, main classes only; each root imported once. */
    private static Set<String> packagesOf(String root) {
        return PACKAGES.computeIfAbsent(root, PackageContractsTest::importPackagesOf);
    }

    private static final Map<String, Set<String>> PACKAGES = new ConcurrentHashMap<>();

    /**
     * From the folders and jars the class loader finds the package in: {@code importPackages} would list every entry
     * of every jar on the class path first, which costs seconds.
     */
    private static Set<String> importPackagesOf(String root) {
        Set<String> packages = new TreeSet<>();
        try {
            Set<Location> locations = Locations.of(Collections.list(PackageContractsTest.class.getClassLoader()
                    .getResources(root.replace('.', '/'))));
            new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importLocations(locations).stream()
                    .filter(type -> type.getPackageName().equals(root) || type.getPackageName().startsWith(root + "."))
                    .filter(type -> !type.getSource().map(source -> source.getUri().toString().contains("/test-classes/dev/"))
                            .orElse(false))
                    .map(JavaClass::getPackageName).forEach(packages::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return packages;
    }

    private static Class<?> packageInfo(String packageName) {
        try {
            return Class.forName(packageName + ".package-info");
        } catch (ClassNotFoundException e) {
            return null;
        }
    }
}
