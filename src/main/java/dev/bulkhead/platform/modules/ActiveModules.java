package dev.bulkhead.platform.modules;

import dev.bulkhead.platform.RegistrySchema;
import dev.bulkhead.platform.modules.DeclaredModules.DeclaredModule;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Which business modules this process hosts ({@code bulkhead.modules}, a comma-separated list; empty
 * or absent means all of them, the monolith). The modules are those of the module model
 * ({@link DeclaredModules}); the shared ones (platform, kernel) are always hosted. A
 * module not hosted here keeps its classes on the classpath (its API types, its events) but has no
 * beans, no schema and no pool in this process: it is reached over HTTP and through the broker.
 */
public final class ActiveModules {

    /** The configuration key, also read from the command line by the provisioning-script printer. */
    public static final String PROPERTY = "bulkhead.modules";

    private final Set<String> hosted;

    private ActiveModules(Set<String> hosted) {
        this.hosted = hosted;
    }

    /** Every module, as in the monolith. */
    public static ActiveModules all() {
        return new ActiveModules(Set.of());
    }

    /** The modules this process hosts, as configured ({@link HostedModulesProperties}). */
    public static ActiveModules from(Environment environment) {
        return of(HostedModulesProperties.of(environment).modules());
    }

    /**
     * @param list the value of {@value #PROPERTY}; blank means all
     * @throws IllegalArgumentException for a name that is no module, so a typo cannot start an empty process
     */
    public static ActiveModules parse(@Nullable String list) {
        return StringUtils.hasText(list) ? of(List.of(list.split(","))) : all();
    }

    private static ActiveModules of(List<String> list) {
        Set<String> names = new LinkedHashSet<>();
        for (String name : list) {
            String module = name.trim();
            if (module.isEmpty()) {
                continue;
            }
            if (DeclaredModules.application().named(module).filter(declared -> !declared.shared()).isEmpty()) {
                throw new IllegalArgumentException(PROPERTY + " names '" + module + "', which is not a business module (one of "
                        + DeclaredModules.application().business().stream().map(DeclaredModule::name).toList() + ")");
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
        return hosted.isEmpty() || hosted.contains(module)
                || DeclaredModules.application().named(module).map(DeclaredModule::shared).orElse(false);
    }

    /** Whether a class (by its qualified name) may have beans, entities or tables in this process. */
    public boolean hostsClass(String qualifiedName) {
        return moduleOf(qualifiedName).map(this::hosts).orElse(true);
    }

    /** The modules named in the configuration; empty for the monolith, which hosts them all. */
    public Set<String> names() {
        return hosted;
    }

    /** The business module a class belongs to; empty for classes outside the modules and for shared ones. */
    public static Optional<String> moduleOf(@Nullable String qualifiedName) {
        return DeclaredModules.application().moduleOf(qualifiedName).map(DeclaredModule::name);
    }

    /** Whether a schema owner ({@code events} or a module) has its schema, roles and pool here. */
    public boolean hostsSchemaOwner(String owner) {
        return RegistrySchema.OWNER.equals(owner) || hosts(owner);
    }

    @Override
    public String toString() {
        return hosted.isEmpty() ? "all modules" : String.join(",", hosted.stream().sorted().toList());
    }
}
