package dev.bulkhead.platform.observability;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A span's identity as the W3C {@code traceparent} header writes it ({@code 00-<trace id>-<span id>-<flags>}):
 * the form in which a trace context is stored with an event publication and carried in a broker message, so that
 * whatever delivers the event later, in this process or another, continues (or links to) the publisher's trace.
 *
 * @param traceId 32 lower-case hex digits
 * @param spanId 16 lower-case hex digits
 * @param sampled whether the trace is recorded (a continuation keeps the publisher's decision)
 */
public record TraceParent(String traceId, String spanId, boolean sampled) {

    /** The header's name, in a message and in a publication's envelope. */
    public static final String HEADER = "traceparent";

    private static final Pattern W3C = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final String INVALID_TRACE = "0".repeat(32);
    private static final String INVALID_SPAN = "0".repeat(16);

    /** The header's value, or empty for anything that is not a valid version-00 {@code traceparent}. */
    public static Optional<TraceParent> parse(@Nullable String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher matcher = W3C.matcher(header);
        if (!matcher.matches() || matcher.group(1).equals(INVALID_TRACE) || matcher.group(2).equals(INVALID_SPAN)) {
            return Optional.empty();
        }
        boolean sampled = (Integer.parseInt(matcher.group(3), 16) & 1) == 1;
        return Optional.of(new TraceParent(matcher.group(1), matcher.group(2), sampled));
    }

    /** The span's identity, or empty when there is no span (tracing off, or nothing in progress). */
    public static Optional<TraceParent> of(@Nullable Span span) {
        if (span == null || span.isNoop()) {
            return Optional.empty();
        }
        TraceContext context = span.context();
        return parse("00-" + context.traceId() + "-" + context.spanId() + (Boolean.TRUE.equals(context.sampled()) ? "-01" : "-00"));
    }

    /** The span in progress on this thread, if any. */
    public static Optional<TraceParent> current(Tracer tracer) {
        return of(tracer.currentSpan());
    }

    public String header() {
        return "00-" + traceId + "-" + spanId + (sampled ? "-01" : "-00");
    }

    TraceContext toContext(Tracer tracer) {
        return tracer.traceContextBuilder().traceId(traceId).spanId(spanId).sampled(sampled).build();
    }

    @Override
    public String toString() {
        return header();
    }
}
