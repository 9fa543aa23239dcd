package dev.bulkhead.platform.observability;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One step of a business flow performed by one module: a module's transaction ({@code order place}) or an event
 * delivered to a module's listener ({@code billing charge}). Its span is named {@code <module> <step>} and tagged
 * with the module. Where its parent comes from is the step's business, not the thread's: a delivery continues the
 * trace stored with its publication ({@link #parent}), or starts a new trace linked to it ({@link #newTrace}),
 * whatever span the thread that runs it happens to be in (the retry job's, an operator's request).
 */
public final class ModuleStepContext extends Observation.Context {

    private final String module;
    private final String step;
    /** Null for a step inside the process (OpenTelemetry's INTERNAL, which Micrometer's kinds lack). */
    private final Span.@Nullable Kind kind;
    private final @Nullable TraceParent parent;
    private final boolean newTrace;
    private final List<TraceParent> links;
    private @Nullable String moduleOutside;

    private ModuleStepContext(String module, String step, Span.@Nullable Kind kind, @Nullable TraceParent parent, boolean newTrace,
            List<TraceParent> links) {
        this.module = module;
        this.step = step;
        this.kind = kind;
        this.parent = parent;
        this.newTrace = newTrace;
        this.links = List.copyOf(links);
    }

    /** A step inside whatever is in progress on this thread: a module's transaction within a request. */
    public static ModuleStepContext within(String module, String step) {
        return new ModuleStepContext(module, step, null, null, false, List.of());
    }

    /** A step that continues a stored trace, as a child of {@code parent}, linked to {@code links}. */
    public static ModuleStepContext continuing(String module, String step, Span.Kind kind, TraceParent parent,
            List<TraceParent> links) {
        return new ModuleStepContext(module, step, kind, parent, false, links);
    }

    /** A step that starts a trace of its own, linked to {@code links} (the stored trace it could not continue). */
    public static ModuleStepContext newTrace(String module, String step, Span.Kind kind, List<TraceParent> links) {
        return new ModuleStepContext(module, step, kind, null, true, links);
    }

    /** A step with nothing stored to continue: under whatever span is in progress on this thread, if any. */
    public static ModuleStepContext current(String module, String step, Span.Kind kind, List<TraceParent> links) {
        return new ModuleStepContext(module, step, kind, null, false, links);
    }

    public String module() {
        return module;
    }

    public String step() {
        return step;
    }

    Span.@Nullable Kind kind() {
        return kind;
    }

    @Nullable TraceParent parent() {
        return parent;
    }

    boolean startsNewTrace() {
        return newTrace;
    }

    /** Whether the thread's observation in progress must not be the span's parent. */
    boolean detached() {
        return parent != null || newTrace;
    }

    List<TraceParent> links() {
        return links;
    }

    /** The log's module before this step's scope opened, put back when it closes. */
    @Nullable String moduleOutside() {
        return moduleOutside;
    }

    void moduleOutside(@Nullable String module) {
        this.moduleOutside = module;
    }
}
