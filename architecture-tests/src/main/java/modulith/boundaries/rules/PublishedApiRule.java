package modulith.boundaries.rules;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import modulith.boundaries.BoundaryRule;
import modulith.boundaries.Codebase;
import modulith.boundaries.ModulithModel;
import modulith.boundaries.RuleResult;
import modulith.boundaries.Violation;

/** R1: a module uses another module only through its published API. */
public final class PublishedApiRule implements BoundaryRule {

    @Override
    public String id() {
        return "R1.api";
    }

    @Override
    public String sentence() {
        return "A module uses another module only through its published API.";
    }

    @Override
    public String help() {
        return "What a module publishes is Spring Modulith's to say: its base package, the packages and types it marks "
                + "@NamedInterface, or everything when it is @ApplicationModule(type = Type.OPEN); and a module with "
                + "allowedDependencies may use only those modules (or named interfaces, module::interface) and the shared "
                + "modules. Everything else may change without notice. Use what the other module publishes, or ask its "
                + "owners to publish what you need.";
    }

    /**
     * Every dependency (field, parameter, call, annotation, inheritance, type argument) from one module's class to
     * another module's, judged by Spring Modulith's model exactly as {@code ApplicationModules.verify()} judges it
     * ({@link ModulithModel#access}). Array and type-argument uses count too, which Spring Modulith's verification
     * does not see.
     */
    @Override
    public RuleResult check(Codebase codebase) {
        ModulithModel model = codebase.model();
        List<Violation> violations = new ArrayList<>();
        for (JavaClass origin : codebase.classes()) {
            Optional<String> from = codebase.moduleOf(origin);
            if (from.isEmpty()) {
                continue;
            }
            for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                JavaClass target = dependency.getTargetClass().getBaseComponentType();
                Optional<String> to = codebase.moduleOf(target);
                if (to.isEmpty() || to.equals(from)) {
                    continue;
                }
                ModulithModel.Access access = model.access(origin.getName(), target.getName());
                if (access.verdict() == ModulithModel.Verdict.ALLOWED) {
                    continue;
                }
                violations.add(violation(codebase, dependency, origin, from.get(), to.get(), target, access));
            }
        }
        return RuleResult.of(violations);
    }

    private Violation violation(Codebase codebase, Dependency dependency, JavaClass origin, String from, String to,
            JavaClass target, ModulithModel.Access access) {
        String published = publishedPlaces(codebase, to);
        String what;
        String fix;
        switch (access.verdict()) {
            case NOT_ALLOWED -> {
                what = "uses " + to + "'s type " + target.getSimpleName() + ", but " + from + " may depend only on "
                        + (access.allowedTargets().equals("none") ? "no other module" : access.allowedTargets())
                        + " (allowedDependencies of " + from + "'s @ApplicationModule)";
                fix = "go through a module " + from + " may use, or, if " + from + " should depend on " + to
                        + ", add it to allowedDependencies (\"" + to + "\" or \"" + to + " :: <named interface>\")";
            }
            case NESTED -> {
                what = "uses " + target.getSimpleName() + " of nested module " + to + ", which is neither " + from
                        + "'s sibling nor its child";
                fix = "use the published API of " + to + "'s parent module";
            }
            default -> {
                what = "uses " + to + "'s internal type " + target.getSimpleName();
                fix = "use " + codebase.publishedApiHint(to) + " from " + to + "'s published API (" + published
                        + "); if it lacks what you need, ask " + to + " to publish it there";
            }
        }
        return new Violation(id(), codebase.locate(dependency.getSourceCodeLocation(), origin.getName()),
                from + " → " + to, target.getName(), what, fix);
    }

    /** {@code package fixture.shop.user}, plus the module's named interfaces when it declares any. */
    private static String publishedPlaces(Codebase codebase, String module) {
        List<String> named = codebase.model().namedInterfacesOf(module);
        String base = "package " + codebase.modules().rootPackageOf(module);
        return named.isEmpty() ? base : base + ", named interfaces " + String.join(", ", named);
    }
}
