package modulith.boundaries.rules;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import modulith.boundaries.BoundaryRule;
import modulith.boundaries.Codebase;
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
        return "A module's root package (and packages or types marked @NamedInterface) is its contract; everything "
                + "below it, such as the internal package, may change without notice. Use the types the other module "
                + "publishes, or ask its owners to publish what you need.";
    }

    @Override
    public RuleResult check(Codebase codebase) {
        List<Violation> violations = new ArrayList<>();
        for (JavaClass origin : codebase.classes()) {
            Optional<String> from = codebase.moduleOf(origin);
            if (from.isEmpty()) {
                continue;
            }
            for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                JavaClass target = dependency.getTargetClass().getBaseComponentType();
                Optional<String> to = codebase.moduleOf(target);
                if (to.isEmpty() || to.equals(from) || codebase.isPublished(target)) {
                    continue;
                }
                violations.add(new Violation(id(), codebase.locate(dependency.getSourceCodeLocation(), origin.getName()),
                        from.get() + " → " + to.get(), target.getName(),
                        "uses " + to.get() + "'s internal type " + target.getSimpleName(),
                        "use " + codebase.publishedApiHint(to.get()) + " from " + to.get() + "'s published API (package "
                                + codebase.modules().rootPackageOf(to.get()) + "); if it lacks what you need, ask "
                                + to.get() + " to publish it there"));
            }
        }
        return RuleResult.of(violations);
    }
}
