package dev.bulkhead.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The serializer writes an event once for all its listeners' rows, and never hands one event's JSON to another; the
 * publication carries the trace the event was published in, and reading it back restores that trace for the event.
 */
class JsonEventSerializerTests {

    record Shipped(UUID eventId, String parcel) {
    }

    private final OtelTracer tracer = new OtelTracer(OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().build()).build().getTracer("test"), new OtelCurrentTraceContext(), event -> {
            });
    private final EventTraces traces = new EventTraces(
            new StaticListableBeanFactory(Map.of("tracer", tracer)).getBeanProvider(Tracer.class), Clock.systemUTC());
    private final JsonEventSerializer serializer = new JsonEventSerializer(
            new StaticListableBeanFactory(Map.of("jsonMapper", JsonMapper.builder().build())).getBeanProvider(JsonMapper.class),
            traces);

    @Test
    void a_publication_carries_the_trace_its_event_was_published_in_and_gives_it_back_to_the_redelivery() {
        Shipped event = new Shipped(UUID.randomUUID(), "P-9");
        Span publishing = tracer.nextSpan().start();
        Object json;
        try (Tracer.SpanInScope scope = tracer.withSpan(publishing)) {
            json = serializer.serialize(event);
        } finally {
            publishing.end();
        }
        String traceparent = "00-" + publishing.context().traceId() + "-" + publishing.context().spanId() + "-01";
        assertThat(json.toString()).startsWith("{\"eventId\":").contains(",\"@trace\":{\"traceparent\":\"" + traceparent + "\"");
        // the same object reads the same later, outside the span: Modulith may look a publication up by its JSON
        assertThat(new JsonEventSerializer(new StaticListableBeanFactory(Map.of("jsonMapper", JsonMapper.builder().build()))
                .getBeanProvider(JsonMapper.class), traces).serialize(event)).isEqualTo(json);

        Shipped redelivered = serializer.deserialize(json, Shipped.class);

        assertThat(redelivered).isEqualTo(event);
        assertThat(traces.of(redelivered)).hasValueSatisfying(stored -> {
            assertThat(stored.parent().header()).isEqualTo(traceparent);
            assertThat(stored.restored()).isTrue();
        });
    }

    @Test
    void an_event_published_outside_any_trace_is_written_without_one() {
        Shipped event = new Shipped(UUID.randomUUID(), "P-0");

        assertThat(serializer.serialize(event).toString()).doesNotContain("@trace");
    }

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
