package dev.bulkhead.platform.observability;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * Observes the steps modules perform: one observation per step, which is one span
 * ({@link ModuleStepTracingHandler}) and one timer {@value #NAME} tagged {@code module} and {@code step}.
 */
public final class ModuleSteps {

    /** The observation's name, hence the timer's; the span is named {@code <module> <step>}. */
    public static final String NAME = "bulkhead.module.step";

    /** The tag every module-shaped span, meter and log line carries. */
    public static final String MODULE = "module";

    private final ObservationRegistry registry;

    public ModuleSteps(ObservationRegistry registry) {
        this.registry = registry;
    }

    /** An observation of the step, not started. */
    public Observation observation(ModuleStepContext step) {
        Observation observation = Observation.createNotStarted(NAME, () -> step, registry)
                .contextualName(step.module() + " " + step.step())
                .lowCardinalityKeyValue(KeyValue.of(MODULE, step.module()))
                .lowCardinalityKeyValue(KeyValue.of("step", step.step()));
        if (step.detached()) {
            // the stored trace decides the parent, not the observation the delivering thread is in
            observation.parentObservation(null);
        }
        return observation;
    }
}
