package dev.bulkhead.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import tools.jackson.databind.json.JsonMapper;

/** The serializer writes an event once for all its listeners' rows, and never hands one event's JSON to another. */
class JsonEventSerializerTests {

    record Shipped(UUID eventId, String parcel) {
    }

    private final JsonEventSerializer serializer = new JsonEventSerializer(
            new StaticListableBeanFactory(Map.of("jsonMapper", JsonMapper.builder().build())).getBeanProvider(JsonMapper.class));

    @Test
    void the_same_event_for_a_second_listener_is_not_written_again() {
        Shipped event = new Shipped(UUID.randomUUID(), "P-1");

        Object first = serializer.serialize(event);

        assertThat(serializer.serialize(event)).isSameAs(first);
        assertThat(serializer.deserialize(first, Shipped.class)).isEqualTo(event);
    }

    @Test
    void another_event_gets_its_own_json_even_when_equal_or_interleaved() {
        UUID id = UUID.randomUUID();
        Shipped one = new Shipped(id, "P-1");
        Shipped equalCopy = new Shipped(id, "P-1");
        Shipped other = new Shipped(UUID.randomUUID(), "P-2");

        Object oneJson = serializer.serialize(one);
        Object otherJson = serializer.serialize(other);

        assertThat(serializer.serialize(equalCopy)).isEqualTo(oneJson).isNotSameAs(oneJson);
        assertThat(serializer.deserialize(otherJson, Shipped.class)).isEqualTo(other);
        assertThat(serializer.deserialize(serializer.serialize(one), Shipped.class)).isEqualTo(one);
    }
}
