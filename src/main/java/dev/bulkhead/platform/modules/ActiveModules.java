package dev.bulkhead.platform.modules;

import dev.bulkhead.platform.ModuleSchemas;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Which business modules this process hosts ({@code bulkhead.modules}, a comma-separated list; empty
 * or absent means all of them, the monolith). A module is a direct subpackage of {@code dev.bulkhead}
 * other than the shared {@code kernel} and {@code platform}; the shared ones are always hosted. A
 * module not hosted here keeps its classes on the classpath (its API types, its events) but has no
 * beans, no schema and no pool in this process: it is reached over HTTP and through the broker.
 */
public final class ActiveModules {

    /** The configuration key, also read from the command line by the provisioning-script printer. */
    public static final String PROPERTY = "bulkhead.modules";

    private static final Set<String> SHARED = Set.of("kernel", "platform");
    private static final String BASE_PACKAGE = ModuleSchemas.BASE_PACKAGE + ".";

    private final Set<String> hosted;

    private ActiveModules(Set<String> hosted) {
        this.hosted = hosted;
    }

    /** Every module, as in the monolith. */
    public static ActiveModules all() {
        return new ActiveModules(Set.of());
    }

    /**
     * @param list the value of {@value #PROPERTY}; blank means all
     * @throws IllegalArgumentException for a name that is no module, so a typo cannot start an empty process
     */
    public static ActiveModules parse(String list) {
        if (!StringUtils.hasText(list)) {
            return all();
        }
        Set<String> names = new LinkedHashSet<>();
        for (String name : list.split(",")) {
            String module = name.trim();
            if (module.isEmpty()) {
                continue;
            }
            if (SHARED.contains(module) || !packageExists(module)) {
                throw new IllegalArgumentException(PROPERTY + " names '" + module
                        + "', which is not a business module (a package " + BASE_PACKAGE + "<module>)");
            }
            names.add(module);
        }
        return new ActiveModules(Set.copyOf(names));
    }

    /** Whether every module runs here. */
    public boolean monolith() {
        return hosted.isEmpty();
    }

    public boolean hosts(String module) {
        return hosted.isEmpty() || SHARED.contains(module) || hosted.contains(module);
    }

    /** Whether a class (by its qualified name) may have beans, entities or tables in this process. */
    public boolean hostsClass(String qualifiedName) {
        return moduleOf(qualifiedName).map(this::hosts).orElse(true);
    }

    /** The modules named in the configuration; empty for the monolith, which hosts them all. */
    public Set<String> names() {
        return hosted;
    }

    /** The module a class belongs to; empty for classes outside {@code dev.bulkhead} and for shared ones. */
    public static Optional<String> moduleOf(String qualifiedName) {
        if (qualifiedName == null || !qualifiedName.startsWith(BASE_PACKAGE)) {
            return Optional.empty();
        }
        String rest = qualifiedName.substring(BASE_PACKAGE.length());
        int dot = rest.indexOf('.');
        if (dot < 0) {
            return Optional.empty(); // a class in dev.bulkhead itself, such as the application class
        }
        String module = rest.substring(0, dot);
        return SHARED.contains(module) ? Optional.empty() : Optional.of(module);
    }

    /** Whether a schema owner ({@code events} or a module) has its schema, roles and pool here. */
    public boolean hostsSchemaOwner(String owner) {
        return ModuleSchemas.EVENT_REGISTRY_OWNER.equals(owner) || hosts(owner);
    }

    private static boolean packageExists(String module) {
        ClassLoader loader = ClassUtils.getDefaultClassLoader();
        return loader != null && loader.getResource(BASE_PACKAGE.replace('.', '/') + module + "/package-info.class") != null;
    }

    @Override
    public String toString() {
        return hosted.isEmpty() ? "all modules" : String.join(",", hosted.stream().sorted().toList());
    }
}
