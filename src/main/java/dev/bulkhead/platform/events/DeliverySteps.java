package dev.bulkhead.platform.events;

import dev.bulkhead.kernel.IntegrationEvent;
import dev.bulkhead.platform.modules.DeclaredModules;
import dev.bulkhead.platform.observability.ModuleStepContext;
import dev.bulkhead.platform.observability.ModuleSteps;
import dev.bulkhead.platform.observability.TraceParent;
import dev.bulkhead.platform.Step;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.function.SingletonSupplier;

/**
 * Observes every delivery of an event to a listener as a step of the module that listens ({@code billing charge},
 * {@code order paid}; ADR 0032), and puts it in the publisher's trace, whichever thread delivers it: the first
 * delivery, a retry, a recovery after a crash or an operator's resubmission continue the trace stored with the
 * publication ({@link EventTraces}) as children of the publishing span. A redelivery is also linked to what set it
 * off (the retry job's run, the operator's request). A delivery later than {@code continue-within} after its
 * publication starts a trace of its own, linked to the publisher's. The broker's externalizer is a listener too:
 * its step is the publishing module's {@code publish <Event>}, and the span it sends the message in is the one
 * the other process continues.
 */
final class DeliverySteps implements MethodInterceptor {

    private static final Logger log = LoggerFactory.getLogger(DeliverySteps.class);

    private final SingletonSupplier<EventTraces> traces;
    private final SingletonSupplier<ModuleSteps> steps;
    private final SingletonSupplier<Tracer> tracer;
    private final SingletonSupplier<DeliveryTracingProperties> properties;
    private final SingletonSupplier<Clock> clock;
    private final Map<Delivered, Listener> listeners = new ConcurrentHashMap<>();

    // looked up on first use: an advisor is created before these beans exist
    DeliverySteps(ObjectProvider<EventTraces> traces, ObjectProvider<ModuleSteps> steps, ObjectProvider<Tracer> tracer,
            ObjectProvider<DeliveryTracingProperties> properties, ObjectProvider<Clock> clock) {
        this.traces = SingletonSupplier.of(traces::getObject);
        this.steps = SingletonSupplier.of(steps::getObject);
        this.tracer = SingletonSupplier.of(() -> tracer.getIfAvailable(() -> Tracer.NOOP));
        this.properties = SingletonSupplier.of(properties::getObject);
        this.clock = SingletonSupplier.of(clock::getObject);
    }

    @Override
    public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
        Object[] arguments = invocation.getArguments();
        if (arguments.length == 0 || arguments[0] == null) {
            return invocation.proceed();
        }
        Object event = arguments[0];
        Class<?> listener = invocation.getThis() == null ? invocation.getMethod().getDeclaringClass()
                : AopUtils.getTargetClass(invocation.getThis());
        Observation observation = steps.obtain().observation(step(invocation.getMethod(), listener, event));
        if (event instanceof IntegrationEvent integration) {
            observation.highCardinalityKeyValue(KeyValue.of("event.id", integration.eventId().toString()));
        }
        observation.lowCardinalityKeyValue(KeyValue.of("event", event.getClass().getSimpleName()));
        return observation.observeChecked(() -> {
            Object result = invocation.proceed();
            if (log.isDebugEnabled()) {
                // inside the step's scope: the line carries the trace, the span and the module
                log.debug("Delivered {} {} to {}", event.getClass().getSimpleName(),
                        event instanceof IntegrationEvent integration ? integration.eventId() : "", listener.getSimpleName());
            }
            return result;
        });
    }

    /** Who listens and what the step is called: the same for every delivery of one event type to one listener. */
    private record Listener(String module, String name, Span.Kind kind) {

        static Listener of(Delivered delivered) {
            DeclaredModules modules = DeclaredModules.application();
            Optional<String> listening = modules.moduleOf(delivered.listener().getName()).map(DeclaredModules.DeclaredModule::name);
            String module = listening.or(() -> modules.moduleOf(delivered.event().getName()).map(DeclaredModules.DeclaredModule::name))
                    .orElse("platform");
            Step declared = AnnotatedElementUtils.findMergedAnnotation(delivered.method(), Step.class);
            String name = declared != null ? declared.value()
                    : (listening.isPresent() ? "on " : "publish ") + delivered.event().getSimpleName();
            return new Listener(module, name, listening.isPresent() ? Span.Kind.CONSUMER : Span.Kind.PRODUCER);
        }
    }

    private record Delivered(Method method, Class<?> listener, Class<?> event) {
    }

    private ModuleStepContext step(Method method, Class<?> listenerClass, Object event) {
        Listener listener = listeners.computeIfAbsent(new Delivered(method, listenerClass, event.getClass()), Listener::of);
        String module = listener.module();
        String name = listener.name();
        Span.Kind kind = listener.kind();

        Optional<EventTraces.Stored> stored = traces.obtain().of(event);
        TraceParent publisher = stored.map(EventTraces.Stored::parent).orElse(null);
        if (publisher == null) {
            return ModuleStepContext.current(module, name, kind, List.of());
        }
        List<TraceParent> links = new ArrayList<>();
        if (stored.get().restored()) {
            // what set this redelivery off: the retry job's run, an operator's request
            TraceParent.current(tracer.obtain()).filter(cause -> !cause.traceId().equals(publisher.traceId()))
                    .ifPresent(links::add);
        }
        Duration age = Duration.between(stored.get().at(), clock.obtain().instant());
        if (age.compareTo(properties.obtain().continueWithin()) > 0) {
            links.add(0, publisher);
            return ModuleStepContext.newTrace(module, name, kind, links);
        }
        return ModuleStepContext.continuing(module, name, kind, publisher, links);
    }
}
