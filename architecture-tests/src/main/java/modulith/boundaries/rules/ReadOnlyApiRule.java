package modulith.boundaries.rules;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import modulith.boundaries.BoundaryRule;
import modulith.boundaries.Codebase;
import modulith.boundaries.Policies;
import modulith.boundaries.RuleResult;
import modulith.boundaries.Violation;

/**
 * R7: a module's synchronous API offered to other modules is read-only; other modules change its
 * state only through events. Reports the mutating method where it is offered and every call to it
 * from another module. See {@link MutatingMethods} for what counts as mutating.
 */
public final class ReadOnlyApiRule implements BoundaryRule {

    private static final List<String> BEAN_STEREOTYPES = List.of("org.springframework.stereotype.Service",
            "org.springframework.stereotype.Component");

    @Override
    public String id() {
        return Policies.READ_ONLY_API;
    }

    @Override
    public String sentence() {
        return "A module's synchronous API offered to other modules is read-only.";
    }

    @Override
    public String help() {
        return "When one module calls another to change its state, both change in one transaction and the caller "
                + "depends on the callee's availability and rules. Publish an event instead and let the owning module "
                + "listen and change its own state; keep published facades to queries.";
    }

    @Override
    public RuleResult check(Codebase codebase) {
        Policies.ReadOnlyApi policy = codebase.configuration().policies().readOnlyApi();
        if (!policy.enabled()) {
            return RuleResult.switchedOff(id());
        }
        List<Violation> violations = new ArrayList<>();
        for (JavaClass api : codebase.classes()) {
            Optional<String> owner = codebase.moduleOf(api);
            if (owner.isEmpty() || !isFacade(codebase, api, owner.get())) {
                continue;
            }
            for (JavaMethod method : api.getMethods()) {
                Optional<String> why = MutatingMethods.whyMutating(method, policy);
                if (why.isEmpty() || !method.getModifiers().contains(JavaModifier.PUBLIC) && !api.isInterface()) {
                    continue;
                }
                String name = api.getSimpleName() + "." + method.getName();
                violations.add(new Violation(id(), codebase.locateMember(api, method.getName(), true),
                        owner.get() + "'s published API", name,
                        "offers " + name + " to other modules, but it changes " + owner.get() + "'s state (" + why.get() + ")",
                        "remove it from the published API; other modules publish an event that " + owner.get()
                                + " listens to (@ApplicationModuleListener in " + owner.get() + "), and clients change "
                                + owner.get() + " through its own HTTP API"));
                for (JavaMethodCall call : method.getCallsOfSelf()) {
                    Optional<String> caller = codebase.moduleOf(call.getOriginOwner());
                    if (caller.isPresent() && !caller.equals(owner)) {
                        violations.add(new Violation(id(), codebase.locate(call.getSourceCodeLocation(),
                                call.getOriginOwner().getName() + "." + call.getOrigin().getName()),
                                caller.get() + " → " + owner.get(), name,
                                "calls " + name + ", which changes " + owner.get() + "'s state",
                                "publish an event from " + caller.get() + " (a record in " + caller.get()
                                        + "'s root package) and listen for it in " + owner.get() + ", which then makes the change"));
                    }
                }
            }
        }
        return RuleResult.of(violations);
    }

    /**
     * Facades: public interfaces of the published API implemented inside the module (an interface
     * only other modules implement, such as a "charge request" contract, is a listening contract,
     * not a facade), and public Spring beans in the published API.
     */
    private static boolean isFacade(Codebase codebase, JavaClass type, String module) {
        if (!codebase.isPublished(type) || !type.getModifiers().contains(JavaModifier.PUBLIC)) {
            return false;
        }
        if (type.isInterface()) {
            return type.getAllSubclasses().stream().anyMatch(implementation -> codebase.moduleOf(implementation)
                    .map(module::equals).orElse(false) && !implementation.isInterface());
        }
        return BEAN_STEREOTYPES.stream().anyMatch(type::isMetaAnnotatedWith)
                || BEAN_STEREOTYPES.stream().anyMatch(type::isAnnotatedWith);
    }
}
