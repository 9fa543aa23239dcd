package dev.bulkhead.platform.observability;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.Link;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.slf4j.MDC;

/**
 * Makes the span of a {@link ModuleStepContext}: Micrometer's default handler takes the parent from the thread's
 * observation, which for a redelivered event is the retry job's or an operator's request, so steps get a handler
 * of their own that takes it from the step. Ordered before Spring Boot's tracing handlers, it handles only steps.
 * While a step's scope is open the log's MDC names its module ({@value ModuleSteps#MODULE}), next to the trace
 * and span ids Micrometer puts there.
 */
final class ModuleStepTracingHandler implements TracingObservationHandler<ModuleStepContext> {

    private final Tracer tracer;

    ModuleStepTracingHandler(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    public void onStart(ModuleStepContext step) {
        Span.Builder builder = tracer.spanBuilder();
        TraceParent parent = step.parent();
        if (parent != null) {
            builder.setParent(parent.toContext(tracer));
        } else if (step.startsNewTrace()) {
            builder.setNoParent();
        } else {
            Span outer = getParentSpan(step);
            if (outer != null) {
                builder.setParent(outer.context());
            }
        }
        for (TraceParent link : step.links()) {
            builder.addLink(new Link(link.toContext(tracer)));
        }
        if (step.kind() != null) {
            builder.kind(step.kind());
        }
        Span span = builder.name(getSpanName(step)).tag(ModuleSteps.MODULE, step.module()).start();
        getTracingContext(step).setSpan(span);
    }

    @Override
    public void onScopeOpened(ModuleStepContext step) {
        TracingObservationHandler.super.onScopeOpened(step);
        step.moduleOutside(MDC.get(ModuleSteps.MODULE));
        MDC.put(ModuleSteps.MODULE, step.module());
    }

    @Override
    public void onScopeClosed(ModuleStepContext step) {
        String outside = step.moduleOutside();
        if (outside == null) {
            MDC.remove(ModuleSteps.MODULE);
        } else {
            MDC.put(ModuleSteps.MODULE, outside);
        }
        TracingObservationHandler.super.onScopeClosed(step);
    }

    @Override
    public void onStop(ModuleStepContext step) {
        Span span = getRequiredSpan(step);
        tagSpan(step, span);
        span.end();
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof ModuleStepContext;
    }

    @Override
    public Tracer getTracer() {
        return tracer;
    }
}
