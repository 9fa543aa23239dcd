package dev.bulkhead.platform.events;

import dev.bulkhead.platform.observability.TraceParent;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.util.function.SingletonSupplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes an event's publication as JSON with the application's {@link JsonMapper}, as Spring Modulith's own
 * serializer does, but looks the mapper up once: Modulith's asks the bean factory for it on every event, which
 * showed up as a measurable share of an order's CPU. Modulith serializes an event once per listener (one row
 * each); the thread's last event and its JSON are kept, so an event with two listeners is written once. Events are
 * immutable records (ADR 0014), so the same object always gives the same JSON.
 *
 * <p>The publication also carries its publisher's trace (ADR 0032): one member more, {@value #TRACE}, beside the
 * event's own ({@code {"eventId":…, …, "@trace":{"traceparent":"00-…-01","at":"…"}}}; no record component can
 * have that name). It is written in the publisher's transaction with the publication itself, costs no statement,
 * and is gone when the publication is; reading the event back strips it and hands it to {@link EventTraces}. The
 * trace an event object gets is captured once ({@link EventTraces#capture}), so its JSON stays the same too.
 */
final class JsonEventSerializer implements EventSerializer {

    static final String TRACE = "@trace";

    private static final ThreadLocal<Serialized> LAST = new ThreadLocal<>();

    private final SingletonSupplier<JsonMapper> mapper;
    private final EventTraces traces;

    JsonEventSerializer(ObjectProvider<JsonMapper> mapper, EventTraces traces) {
        this.mapper = SingletonSupplier.of(mapper::getObject);
        this.traces = traces;
    }

    @Override
    public Object serialize(Object event) {
        Serialized last = LAST.get();
        if (last != null && last.event() == event) {
            return last.json();
        }
        String json = withTrace(mapper.obtain().writeValueAsString(event), traces.capture(event));
        LAST.set(new Serialized(event, json));
        return json;
    }

    private static String withTrace(String json, EventTraces.Stored trace) {
        if (trace.parent() == null || json.length() < 2 || json.charAt(json.length() - 1) != '}') {
            return json;
        }
        String envelope = "\"" + TRACE + "\":{\"" + TraceParent.HEADER + "\":\"" + trace.parent().header()
                + "\",\"at\":\"" + trace.at() + "\"}}";
        return json.length() == 2 ? "{" + envelope : json.substring(0, json.length() - 1) + "," + envelope;
    }

    private record Serialized(Object event, String json) {
    }

    @Override
    public <T> T deserialize(Object serialized, Class<T> type) {
        String json = serialized.toString();
        if (!json.contains("\"" + TRACE + "\"")) {
            return mapper.obtain().readerFor(type).readValue(json);
        }
        JsonNode tree = mapper.obtain().readTree(json);
        JsonNode trace = tree instanceof ObjectNode object ? object.remove(TRACE) : null;
        T event = mapper.obtain().treeToValue(tree, type);
        if (trace != null) {
            TraceParent.parse(trace.path(TraceParent.HEADER).asString(null))
                    .ifPresent(parent -> traces.restore(event, new EventTraces.Stored(parent, at(trace), true)));
        }
        return event;
    }

    private static Instant at(JsonNode trace) {
        try {
            return Instant.parse(trace.path("at").asString(""));
        } catch (DateTimeParseException unreadable) {
            // a trace without a readable time counts as an old one: linked to, not continued
            return Instant.EPOCH;
        }
    }
}
