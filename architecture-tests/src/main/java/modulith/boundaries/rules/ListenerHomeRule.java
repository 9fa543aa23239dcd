package modulith.boundaries.rules;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import modulith.boundaries.BoundaryRule;
import modulith.boundaries.Codebase;
import modulith.boundaries.Policies;
import modulith.boundaries.RuleResult;
import modulith.boundaries.Violation;

/**
 * R7: an event listener lives in the module whose state it changes. A listener that reacts in one
 * module by changing another module's state (calling a mutating method or a repository of that
 * module, its repositories included) belongs in the other module. Only the listener's direct calls are examined.
 */
public final class ListenerHomeRule implements BoundaryRule {

    static final List<String> LISTENER_ANNOTATIONS = List.of("org.springframework.context.event.EventListener",
            "org.springframework.transaction.event.TransactionalEventListener",
            "org.springframework.modulith.events.ApplicationModuleListener");

    @Override
    public String id() {
        return Policies.LISTENER_PLACEMENT;
    }

    @Override
    public String sentence() {
        return "A listener lives in the module whose state it changes.";
    }

    @Override
    public String help() {
        return "The module that owns some state decides how it changes. A listener elsewhere that changes it runs "
                + "the owner's logic outside the owner's control; move the listener into the owning module.";
    }

    @Override
    public RuleResult check(Codebase codebase) {
        if (!codebase.configuration().policies().listenerPlacement().enabled()) {
            return RuleResult.switchedOff(id());
        }
        Policies.ReadOnlyApi mutating = codebase.configuration().policies().readOnlyApi();
        List<Violation> violations = new ArrayList<>();
        for (JavaClass listenerClass : codebase.classes()) {
            Optional<String> home = codebase.moduleOf(listenerClass);
            if (home.isEmpty()) {
                continue;
            }
            for (JavaMethod listener : listenerClass.getMethods()) {
                if (!isListener(listener)) {
                    continue;
                }
                for (JavaMethodCall call : listener.getMethodCallsFromSelf()) {
                    JavaClass target = call.getTargetOwner();
                    Optional<String> changed = codebase.moduleOf(target);
                    if (changed.isEmpty() || changed.equals(home)) {
                        continue;
                    }
                    Optional<String> why = call.getTarget().resolveMember().flatMap(method -> MutatingMethods.whyMutating(method, mutating));
                    if (why.isEmpty()) {
                        continue;
                    }
                    String name = listenerClass.getSimpleName() + "." + listener.getName();
                    violations.add(new Violation(id(), codebase.locate(call.getSourceCodeLocation(), listenerClass.getName()
                                    + "." + listener.getName()), home.get() + " → " + changed.get(),
                            target.getSimpleName() + "." + call.getName(),
                            "listener " + name + " in " + home.get() + " changes " + changed.get() + "'s state through "
                                    + target.getSimpleName() + "." + call.getName() + " (" + why.get() + ")",
                            "move the listener into " + changed.get() + ": " + changed.get()
                                    + " listens to the event itself and makes the change in its own transaction"));
                }
            }
        }
        return RuleResult.of(violations);
    }

    static boolean isListener(JavaMethod method) {
        return LISTENER_ANNOTATIONS.stream().anyMatch(type -> method.isAnnotatedWith(type) || method.isMetaAnnotatedWith(type));
    }
}
