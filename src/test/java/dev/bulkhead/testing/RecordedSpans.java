package dev.bulkhead.testing;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Keeps the spans an application finishes in memory, as soon as each ends, for tests that read traces. One
 * recorder for the whole test JVM, so that the processes of the extraction rehearsal (two applications in this
 * JVM) record into the same one. It keeps at most {@value #MOST_KEPT} spans: the whole suite runs with every
 * trace sampled, and a test reads only the traces it made.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RecordedSpans {

    static final int MOST_KEPT = 50_000;

    private static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();

    /** Every span still kept, in the order they ended. */
    public static List<SpanData> all() {
        return SPANS.getFinishedSpanItems();
    }

    /** The spans of one trace. */
    public static List<SpanData> ofTrace(String traceId) {
        return all().stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    @Bean
    SpanProcessor recordedSpansProcessor() {
        return SimpleSpanProcessor.create(new Bounded());
    }

    /** The shared exporter, emptied when it holds too many spans. */
    private static final class Bounded implements SpanExporter {

        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            if (SPANS.getFinishedSpanItems().size() > MOST_KEPT) {
                SPANS.reset();
            }
            return SPANS.export(spans);
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            // shared by every application of the test JVM: one closing must not stop the others' recording
            return CompletableResultCode.ofSuccess();
        }
    }
}
