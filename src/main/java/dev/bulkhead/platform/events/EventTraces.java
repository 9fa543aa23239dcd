package dev.bulkhead.platform.events;

import dev.bulkhead.platform.observability.TraceParent;
import io.micrometer.tracing.Tracer;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.function.SingletonSupplier;

/**
 * The trace each event was published in (ADR 0032). When the registry stores an event, the span in progress is
 * captured here and written into the publication's envelope ({@link JsonEventSerializer}); the first delivery
 * finds it by the event object it was handed, a later one (a retry, an operator's resubmission, a recovery after
 * a crash, on this instance or another) by the event read back from its publication. Events are held weakly: an
 * entry lives as long as something still delivers the event.
 */
final class EventTraces {

    /**
     * What a publication remembers of its publisher's trace.
     *
     * @param parent the publisher's span, or null when the event was published outside any trace
     * @param at when the publication was stored
     * @param restored whether the event was read back from the registry: a redelivery
     */
    record Stored(@Nullable TraceParent parent, Instant at, boolean restored) {
    }

    // a value-keyed weak map: events are records, equal exactly when they are the same event (same id and payload)
    private final Map<Object, Stored> byEvent = Collections.synchronizedMap(new WeakHashMap<>());
    private final SingletonSupplier<Tracer> tracer;
    private final Clock clock;

    EventTraces(ObjectProvider<Tracer> tracer, Clock clock) {
        this.tracer = SingletonSupplier.of(() -> tracer.getIfAvailable(() -> Tracer.NOOP));
        this.clock = clock;
    }

    /**
     * The trace to store with the event's publications: the span in progress when it was first stored; the same
     * answer for every later call, so that every serialization of one event object reads the same.
     */
    Stored capture(Object event) {
        return byEvent.computeIfAbsent(event,
                published -> new Stored(TraceParent.current(tracer.obtain()).orElse(null), clock.instant(), false));
    }

    /** Remembers the trace of an event read back from its publication, for its redelivery. */
    void restore(Object event, Stored stored) {
        byEvent.put(event, new Stored(stored.parent(), stored.at(), true));
    }

    Optional<Stored> of(Object event) {
        return Optional.ofNullable(byEvent.get(event));
    }
}
