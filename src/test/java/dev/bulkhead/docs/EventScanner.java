package dev.bulkhead.docs;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds events, publishers and listeners in the bytecode, so the catalog keeps up with new events
 * without anyone listing them:
 * <ul>
 * <li>an event is a type annotated with jMolecules' {@code @DomainEvent} (or implementing its
 * {@code DomainEvent} interface);</li>
 * <li>a publisher is a method that constructs the event and calls {@code publishEvent};</li>
 * <li>a listener is a method annotated (directly or through a meta-annotation) with Spring's
 * {@code @EventListener}, such as {@code @ApplicationModuleListener}; it receives every event
 * assignable to its parameter, which is how billing's {@code ChargeRequest} receives order's
 * {@code OrderPlaced}.</li>
 * </ul>
 */
final class EventScanner {

    private static final String DOMAIN_EVENT_ANNOTATION = "org.jmolecules.event.annotation.DomainEvent";
    private static final String DOMAIN_EVENT_INTERFACE = "org.jmolecules.event.types.DomainEvent";
    private static final String EVENT_LISTENER = "org.springframework.context.event.EventListener";
    private static final String MODULE_LISTENER = "org.springframework.modulith.events.ApplicationModuleListener";
    private static final String TRANSACTIONAL_LISTENER = "org.springframework.transaction.event.TransactionalEventListener";
    private static final String DOMAIN_EVENTS = "org.springframework.data.domain.DomainEvents";
    private static final Set<String> PUBLISHING_METHODS = Set.of("publishEvent", "registerEvent");
    /** How deep a listener's own calls are followed to find what it publishes. */
    private static final int CALL_DEPTH = 8;

    private final Codebase codebase;

    EventScanner(Codebase codebase) {
        this.codebase = codebase;
    }

    EventGraph scan() {
        List<JavaClass> eventTypes = codebase.classes().stream().filter(EventScanner::isEvent)
                .sorted(Comparator.comparing(JavaClass::getName)).toList();
        Map<String, Set<String>> publishersByEvent = new TreeMap<>();
        List<EventGraph.Event> events = eventTypes.stream().map(type -> {
            Set<String> publishers = new TreeSet<>();
            type.getConstructorCallsToSelf().stream().map(call -> call.getOrigin())
                    .filter(EventScanner::publishes).forEach(origin -> publishers.add(describe(origin)));
            publishersByEvent.put(type.getName(), publishers);
            return new EventGraph.Event(type.getName(), codebase.moduleOf(type).orElse("?"), fields(type),
                    List.copyOf(publishers));
        }).toList();
        List<EventGraph.Listener> listeners = codebase.classes().stream()
                .flatMap(type -> type.getMethods().stream())
                .filter(EventScanner::isListener)
                .map(method -> listener(method, eventTypes))
                .sorted(Comparator.comparing(EventGraph.Listener::method))
                .toList();
        return new EventGraph(events, listeners);
    }

    private EventGraph.Listener listener(JavaMethod method, List<JavaClass> eventTypes) {
        JavaClass parameter = method.getRawParameterTypes().get(0);
        List<String> receives = eventTypes.stream().filter(event -> event.isAssignableTo(parameter.getName()))
                .map(JavaClass::getName).toList();
        String module = codebase.moduleOf(method.getOwner()).orElse("?");
        return new EventGraph.Listener(module, describe(method), parameter.getName(), delivery(method), receives,
                publishedFrom(method, module, eventTypes));
    }

    /** The events constructed and published by the method or by the methods of its own module that it calls. */
    private List<String> publishedFrom(JavaMethod listener, String module, List<JavaClass> eventTypes) {
        Set<JavaCodeUnit> seen = new HashSet<>();
        Deque<JavaCodeUnit> next = new ArrayDeque<>(List.of(listener));
        Set<String> published = new TreeSet<>();
        for (int depth = 0; depth <= CALL_DEPTH && !next.isEmpty(); depth++) {
            Deque<JavaCodeUnit> level = next;
            next = new ArrayDeque<>();
            for (JavaCodeUnit unit : level) {
                if (!seen.add(unit)) {
                    continue;
                }
                if (publishes(unit)) {
                    unit.getConstructorCallsFromSelf().stream().map(call -> call.getTargetOwner())
                            .filter(eventTypes::contains).forEach(type -> published.add(type.getName()));
                }
                for (JavaMethodCall call : unit.getMethodCallsFromSelf()) {
                    if (codebase.moduleOf(call.getTargetOwner()).filter(module::equals).isPresent()) {
                        implementationsOf(call).forEach(next::add);
                    }
                }
            }
        }
        return List.copyOf(published);
    }

    /** The called method and, for a call through an interface of the module, its implementations there. */
    private List<JavaMethod> implementationsOf(JavaMethodCall call) {
        Optional<JavaMethod> target = call.getTarget().resolveMember();
        if (target.isEmpty()) {
            return List.of();
        }
        List<JavaMethod> methods = new java.util.ArrayList<>(List.of(target.get()));
        for (JavaClass subclass : call.getTargetOwner().getAllSubclasses()) {
            subclass.tryGetMethod(target.get().getName(), target.get().getRawParameterTypes().stream()
                    .map(JavaClass::getName).toArray(String[]::new)).ifPresent(methods::add);
        }
        return methods;
    }

    private static boolean isEvent(JavaClass type) {
        return type.isAnnotatedWith(DOMAIN_EVENT_ANNOTATION) || type.isAssignableTo(DOMAIN_EVENT_INTERFACE) && !type.isInterface();
    }

    private static boolean isListener(JavaMethod method) {
        return method.getRawParameterTypes().size() == 1
                && (method.isAnnotatedWith(EVENT_LISTENER) || method.isMetaAnnotatedWith(EVENT_LISTENER));
    }

    /**
     * Whether events the unit constructs get published: it calls {@code publishEvent}, or it belongs to
     * an aggregate whose {@code @DomainEvents} method hands them to Spring Data when it is saved.
     */
    private static boolean publishes(JavaCodeUnit unit) {
        return unit.getMethodCallsFromSelf().stream().anyMatch(call -> PUBLISHING_METHODS.contains(call.getName()))
                || unit.getOwner().getMethods().stream().anyMatch(method -> method.isAnnotatedWith(DOMAIN_EVENTS));
    }

    private static String delivery(JavaMethod method) {
        if (method.isAnnotatedWith(MODULE_LISTENER)) {
            return "asynchronous, after the publisher commits, in its own transaction (durable in the event registry)";
        }
        if (method.isAnnotatedWith(TRANSACTIONAL_LISTENER) || method.isMetaAnnotatedWith(TRANSACTIONAL_LISTENER)) {
            return "after the publisher's transaction commits";
        }
        return "synchronous, in the publisher's transaction";
    }

    /** {@code billing.internal.PaymentProcessor.on(ChargeRequest)}: the class below the base package, method and parameters. */
    static String describe(JavaCodeUnit unit) {
        String owner = unit.getOwner().getName().substring(dev.bulkhead.platform.modules.DeclaredModules.applicationPackage().length() + 1);
        String parameters = String.join(", ", unit.getRawParameterTypes().stream().map(JavaClass::getSimpleName).toList());
        return owner + "." + unit.getName() + "(" + parameters + ")";
    }

    /** The event's fields in declaration order, as {@code name: Type}. */
    private static List<String> fields(JavaClass type) {
        Class<?> reflected = type.reflect();
        if (reflected.isRecord()) {
            return Arrays.stream(reflected.getRecordComponents())
                    .map(EventScanner::field).toList();
        }
        return Arrays.stream(reflected.getDeclaredFields()).filter(field -> !java.lang.reflect.Modifier.isStatic(field.getModifiers()))
                .map(field -> field.getName() + ": " + field.getType().getSimpleName()).toList();
    }

    private static String field(RecordComponent component) {
        return component.getName() + ": " + component.getGenericType().getTypeName().replaceAll("(?:[a-z0-9_]+\\.)+", "");
    }
}
