package modulith.boundaries.rules;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import modulith.boundaries.BoundaryRule;
import modulith.boundaries.Codebase;
import modulith.boundaries.Policies;
import modulith.boundaries.RuleResult;
import modulith.boundaries.Violation;

/**
 * R7: event types live in the publishing module's API package and are immutable. Event types are
 * classes marked as jMolecules domain events ({@code @DomainEvent} or {@code DomainEvent}) and
 * classes some listener takes as its parameter. The publisher is the module whose code constructs
 * the event in a method that calls {@code publishEvent}.
 */
public final class EventTypeRule implements BoundaryRule {

    private static final String DOMAIN_EVENT_ANNOTATION = "org.jmolecules.event.annotation.DomainEvent";
    private static final String DOMAIN_EVENT_TYPE = "org.jmolecules.event.types.DomainEvent";
    private static final String PUBLISHER = "org.springframework.context.ApplicationEventPublisher";

    @Override
    public String id() {
        return Policies.EVENT_SHAPE;
    }

    @Override
    public String sentence() {
        return "Event types live in the publishing module's API package and are immutable.";
    }

    @Override
    public String help() {
        return "Events are the contract other modules listen to: they must be able to see the type (root package) "
                + "and rely on it never changing after publication (a record, or final fields only). Only the module "
                + "that owns an event publishes it.";
    }

    @Override
    public RuleResult check(Codebase codebase) {
        Policies.EventShape policy = codebase.configuration().policies().eventShape();
        if (!policy.enabled()) {
            return RuleResult.switchedOff(id());
        }
        Set<JavaClass> events = eventTypes(codebase);
        List<Violation> violations = new ArrayList<>();
        for (JavaClass event : events) {
            String module = codebase.moduleOf(event).orElseThrow();
            if (policy.inPublishedPackage() && !codebase.isPublished(event)) {
                violations.add(new Violation(id(), codebase.locateClass(event), module + " → other modules", event.getName(),
                        "event " + event.getSimpleName() + " lives in " + event.getPackageName() + ", which other modules may not use",
                        "move " + event.getSimpleName() + " to " + codebase.modules().rootPackageOf(module)
                                + " (" + module + "'s published API) so listeners in other modules can depend on it"));
            }
            if (policy.immutable() && !event.isRecord() && !event.isInterface()) {
                for (JavaField field : event.getAllFields()) {
                    if (!field.getModifiers().contains(JavaModifier.FINAL) && !field.getModifiers().contains(JavaModifier.STATIC)
                            && codebase.moduleOf(field.getOwner()).isPresent()) {
                        violations.add(new Violation(id(), codebase.locateMember(field.getOwner(), field.getName(), false),
                                module + " → listeners", event.getSimpleName() + "." + field.getName(),
                                "event " + event.getSimpleName() + " is mutable: field " + field.getName() + " is not final",
                                "make " + event.getSimpleName() + " a record, or make every field final"));
                    }
                }
            }
        }
        if (policy.publishedByOwnerOnly()) {
            foreignPublications(codebase, events, violations);
        }
        return RuleResult.of(violations);
    }

    /** An event constructed and published by a module that does not own the event type. */
    private void foreignPublications(Codebase codebase, Set<JavaClass> events, List<Violation> violations) {
        for (JavaClass publisher : codebase.classes()) {
            Optional<String> module = codebase.moduleOf(publisher);
            if (module.isEmpty()) {
                continue;
            }
            for (JavaCodeUnit codeUnit : publisher.getCodeUnits()) {
                boolean publishes = codeUnit.getMethodCallsFromSelf().stream()
                        .anyMatch(call -> call.getTargetOwner().isAssignableTo(PUBLISHER) && call.getName().equals("publishEvent"));
                if (!publishes) {
                    continue;
                }
                for (JavaConstructorCall construction : codeUnit.getConstructorCallsFromSelf()) {
                    JavaClass constructed = construction.getTargetOwner();
                    Optional<String> owner = codebase.moduleOf(constructed);
                    if (events.contains(constructed) && owner.isPresent() && !owner.equals(module)) {
                        violations.add(new Violation(id(), codebase.locate(construction.getSourceCodeLocation(),
                                        publisher.getName() + "." + codeUnit.getName()), module.get() + " → " + owner.get(),
                                constructed.getName(), module.get() + " publishes " + owner.get() + "'s event " + constructed.getSimpleName(),
                                "publish an event type of " + module.get() + "'s own (a record in "
                                        + codebase.modules().rootPackageOf(module.get()) + "); only " + owner.get()
                                        + " announces what happened in " + owner.get()));
                    }
                }
            }
        }
    }

    private static Set<JavaClass> eventTypes(Codebase codebase) {
        Set<JavaClass> events = new LinkedHashSet<>();
        for (JavaClass javaClass : codebase.classes()) {
            if (codebase.moduleOf(javaClass).isPresent() && (javaClass.isAnnotatedWith(DOMAIN_EVENT_ANNOTATION)
                    || javaClass.isAssignableTo(DOMAIN_EVENT_TYPE) && !javaClass.isInterface())) {
                events.add(javaClass);
            }
            for (JavaMethod method : javaClass.getMethods()) {
                if (ListenerHomeRule.isListener(method) && method.getRawParameterTypes().size() == 1) {
                    JavaClass parameter = method.getRawParameterTypes().get(0);
                    if (codebase.moduleOf(parameter).isPresent()) {
                        events.add(parameter);
                    }
                }
            }
        }
        return events;
    }
}
