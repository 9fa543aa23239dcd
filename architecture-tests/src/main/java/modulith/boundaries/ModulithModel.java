package modulith.boundaries;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModuleInformation;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.NamedInterface;

/**
 * Spring Modulith's model of the application, the one source of truth for modules: which module a class belongs
 * to, what a module publishes (its base package, its {@code @NamedInterface}s, everything when it is
 * {@code @ApplicationModule(type = Type.OPEN)}) and which modules it may use ({@code allowedDependencies}, shared
 * modules). {@link #access} decides a dependency the way {@code ApplicationModules.verify()} does, step by step, so
 * the published-API rule and Spring Modulith's verification cannot disagree about what is allowed.
 */
public final class ModulithModel {

    private final ApplicationModules modules;
    private final Map<String, ApplicationModule> moduleByClass = new HashMap<>();
    private final Map<String, JavaClass> classByName = new HashMap<>();
    private final String rootPackage;

    private ModulithModel(ApplicationModules modules, String rootPackage) {
        this.modules = modules;
        this.rootPackage = rootPackage;
        for (ApplicationModule module : modules) {
            module.getBasePackage().stream().forEach(type -> {
                moduleByClass.put(type.getName(), module);
                classByName.put(type.getName(), type);
            });
        }
    }

    /** Spring Modulith's model of the configured application, imported as Spring Modulith imports it for {@code verify()}. */
    public static ModulithModel of(BoundaryConfiguration configuration) {
        ImportOption option = configuration.includeTestClasses() ? new ImportOption.DoNotIncludeJars()
                : new ImportOption.DoNotIncludeTests();
        ApplicationModules modules = configuration.applicationClass() != null
                ? ApplicationModules.of(configuration.applicationClass(), option)
                : ApplicationModules.of(configuration.applicationPackage(), option);
        return new ModulithModel(modules, configuration.applicationPackage());
    }

    public ApplicationModules applicationModules() {
        return modules;
    }

    public String rootPackage() {
        return rootPackage;
    }

    /** Module identifier → base package, for every module of the model. */
    public Map<String, String> packageByModule() {
        Map<String, String> packages = new LinkedHashMap<>();
        modules.stream().sorted().forEach(module -> packages.put(name(module), module.getBasePackage().getName()));
        return packages;
    }

    /** The module Spring Modulith puts the class in, by the class's name; empty for classes of no module. */
    public Optional<String> moduleOfClass(String className) {
        return Optional.ofNullable(moduleByClass.get(outermost(className))).map(ModulithModel::name);
    }

    public boolean isOpen(String module) {
        return module(module).map(ApplicationModule::isOpen).orElse(false);
    }

    /** Whether the class is part of its module's published API (a named interface, the base package, or an open module). */
    public boolean isExposed(String className) {
        JavaClass type = classByName.get(className);
        ApplicationModule module = moduleByClass.get(outermost(className));
        if (type == null || module == null) {
            return true;
        }
        return module.isOpen() || module.isExposed(type);
    }

    /** The names of the module's explicitly named interfaces, for advice. */
    public List<String> namedInterfacesOf(String module) {
        return module(module).map(found -> found.getNamedInterfaces().stream().filter(NamedInterface::isNamed)
                .map(NamedInterface::getName).sorted().toList()).orElse(List.of());
    }

    /** How Spring Modulith judges a dependency from one module's class to another module's class. */
    public enum Verdict {
        /** Same module, or an allowed use of the other module's published API. */
        ALLOWED,
        /** The type is not part of any interface its module publishes to the user. */
        INTERNAL,
        /** The other module (or the named interface the type is in) is not among the user's allowed dependencies. */
        NOT_ALLOWED,
        /** A reference into a nested module that is neither a sibling nor a child. */
        NESTED
    }

    /** @param allowedTargets for {@link Verdict#NOT_ALLOWED}: what the using module may depend on, as Spring Modulith lists it */
    public record Access(Verdict verdict, String allowedTargets) {
    }

    /**
     * The verdict {@code ApplicationModule.detectDependencies} reaches for a dependency between these two classes,
     * decided on the same model, in the same order: allowed dependencies (explicit ones, shared modules, named
     * interfaces of the form {@code module::interface}), then open modules, then parents, then exposure, then nesting.
     */
    public Access access(String originClass, String targetClass) {
        ApplicationModule origin = moduleByClass.get(outermost(originClass));
        ApplicationModule target = moduleByClass.get(outermost(targetClass));
        JavaClass type = classByName.get(targetClass);
        if (origin == null || target == null || type == null || origin.equals(target)) {
            return new Access(Verdict.ALLOWED, "");
        }
        ApplicationModule.AllowedDependencies allowed = origin.getAllowedDependencies(modules);
        if (!isAllowedDependency(origin, allowed, type)) {
            boolean targetModuleAllowed = allowed.stream().anyMatch(dependency -> dependency.getTargetModule().equals(target));
            if (targetModuleAllowed && !target.isExposed(type)) {
                return new Access(Verdict.INTERNAL, "");
            }
            return new Access(Verdict.NOT_ALLOWED, allowed.toString());
        }
        if (target.isOpen() || containedInParent(origin, type)) {
            return new Access(Verdict.ALLOWED, "");
        }
        if (!target.isExposed(type)) {
            return new Access(Verdict.INTERNAL, "");
        }
        if (!siblingsOrParentAndChild(origin, target)) {
            return new Access(Verdict.NESTED, "");
        }
        return new Access(Verdict.ALLOWED, "");
    }

    /**
     * Open unless the module names its allowed dependencies: then only types of those modules' (or named interfaces')
     * published API, or of shared modules.
     */
    private static boolean isAllowedDependency(ApplicationModule origin, ApplicationModule.AllowedDependencies allowed, JavaClass type) {
        List<String> declared = ApplicationModuleInformation.of(origin.getBasePackage()).getDeclaredDependencies();
        boolean open = declared.size() == 1 && declared.get(0).equals(org.springframework.modulith.ApplicationModule.OPEN_TOKEN);
        boolean listed = allowed.stream().anyMatch(dependency -> dependency.getTargetNamedInterface() == null
                ? dependency.getTargetModule().getNamedInterfaces().containsInExplicitInterface(type)
                : dependency.getTargetNamedInterface().contains(type));
        return open ? allowed.isEmpty() || listed : !allowed.isEmpty() && listed;
    }

    private boolean containedInParent(ApplicationModule origin, JavaClass type) {
        Optional<ApplicationModule> parent = modules.getParentOf(origin);
        while (parent.isPresent()) {
            if (parent.get().contains(type)) {
                return true;
            }
            parent = modules.getParentOf(parent.get());
        }
        return false;
    }

    private boolean siblingsOrParentAndChild(ApplicationModule source, ApplicationModule target) {
        Optional<ApplicationModule> sourceParent = modules.getParentOf(source);
        Optional<ApplicationModule> targetParent = modules.getParentOf(target);
        return targetParent.isEmpty()
                || sourceParent.filter(target::equals).isPresent()
                || targetParent.filter(source::equals).isPresent()
                || sourceParent.flatMap(parent -> targetParent.filter(parent::equals)).isPresent();
    }

    private Optional<ApplicationModule> module(String name) {
        return modules.getModuleByName(name);
    }

    private static String name(ApplicationModule module) {
        return module.getIdentifier().toString();
    }

    /** Nested classes ({@code Outer$Inner}) are in their outer class's module. */
    private static String outermost(String className) {
        int dollar = className.indexOf('$');
        return dollar < 0 ? className : className.substring(0, dollar);
    }
}
