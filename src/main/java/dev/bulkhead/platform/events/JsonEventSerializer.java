package dev.bulkhead.platform.events;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.util.function.SingletonSupplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an event's publication as JSON with the application's {@link JsonMapper}, as Spring Modulith's own
 * serializer does, but looks the mapper up once: Modulith's asks the bean factory for it on every event, which
 * showed up as a measurable share of an order's CPU. Modulith serializes an event once per listener (one row
 * each); the thread's last event and its JSON are kept, so an event with two listeners is written once. Events are
 * immutable records (ADR 0014), so the same object always gives the same JSON.
 */
final class JsonEventSerializer implements EventSerializer {

    private static final ThreadLocal<Serialized> LAST = new ThreadLocal<>();

    private final SingletonSupplier<JsonMapper> mapper;

    JsonEventSerializer(ObjectProvider<JsonMapper> mapper) {
        this.mapper = SingletonSupplier.of(mapper::getObject);
    }

    @Override
    public Object serialize(Object event) {
        Serialized last = LAST.get();
        if (last != null && last.event() == event) {
            return last.json();
        }
        String json = mapper.obtain().writeValueAsString(event);
        LAST.set(new Serialized(event, json));
        return json;
    }

    private record Serialized(Object event, String json) {
    }

    @Override
    public <T> T deserialize(Object serialized, Class<T> type) {
        return mapper.obtain().readerFor(type).readValue(serialized.toString());
    }
}
