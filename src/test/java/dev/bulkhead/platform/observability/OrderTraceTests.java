package dev.bulkhead.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.bulkhead.testing.DatabaseInspector;
import dev.bulkhead.testing.HttpClient;
import dev.bulkhead.testing.IntegrationTest;
import dev.bulkhead.testing.RecordedSpans;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One order, followed through every module it crosses: the request, the order's transaction, billing's charge
 * listener and the order's PAID listener are spans of one trace, each named after its module and step, each a
 * child of the step that caused it; and the log lines the order writes carry its trace id, their span and module,
 * in the console's pattern as in Spring Boot's structured JSON.
 */
@IntegrationTest
class OrderTraceTests {

    static final AttributeKey<String> MODULE = AttributeKey.stringKey("module");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    DatabaseInspector jdbc;

    HttpClient http;

    @BeforeEach
    void setUp() {
        http = new HttpClient(mvc);
    }

    @Test
    void one_order_is_one_trace_from_the_request_through_billings_charge_to_the_orders_paid_listener() throws IOException {
        String order = paidOrder("Traced");

        TraceParent placed = storedTrace("dev.bulkhead.billing.internal.PaymentProcessor", "orderId", order);
        List<SpanData> trace = awaitSpans(placed.traceId(), "http post /v1/orders", "order place", "billing charge", "order paid");

        SpanData request = named(trace, "http post /v1/orders");
        SpanData place = named(trace, "order place");
        SpanData charge = named(trace, "billing charge");
        SpanData paid = named(trace, "order paid");
        assertThat(request.getKind()).isEqualTo(SpanKind.SERVER);
        assertThat(request.getAttributes().get(MODULE)).isEqualTo("order");
        assertThat(place.getParentSpanId()).isEqualTo(request.getSpanId());
        assertThat(place.getAttributes().get(MODULE)).isEqualTo("order");
        // the event was stored inside the order's transaction: billing continues from exactly that span
        assertThat(placed.spanId()).isEqualTo(place.getSpanId());
        assertThat(charge.getParentSpanId()).isEqualTo(place.getSpanId());
        assertThat(charge.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(charge.getAttributes().get(MODULE)).isEqualTo("billing");
        assertThat(paid.getParentSpanId()).isEqualTo(charge.getSpanId());
        assertThat(paid.getAttributes().get(MODULE)).isEqualTo("order");
        // the other modules it crossed are in the same trace: the user module answered the order's question,
        // the history read model heard of it
        assertThat(trace).extracting(span -> span.getAttributes().get(MODULE)).contains("user", "history");
        assertThat(trace).allSatisfy(span -> assertThat(span.getTraceId()).isEqualTo(placed.traceId()));
        // the tree as README's "Observe it" shows it
        Files.writeString(Path.of("target", "order-trace.txt"), tree(trace, request, ""));
    }

    /** The spans under {@code root} as an indented tree, children in the order they started, with module and duration. */
    private static String tree(List<SpanData> trace, SpanData root, String indent) throws IOException {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%-42s %-9s %6.1f ms%n", indent + root.getName(),
                root.getAttributes().get(MODULE), (root.getEndEpochNanos() - root.getStartEpochNanos()) / 1e6));
        List<SpanData> children = trace.stream().filter(span -> span.getParentSpanId().equals(root.getSpanId()))
                .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos)).toList();
        String below = indent.replace("├─ ", "│  ").replace("└─ ", "   ");
        for (int i = 0; i < children.size(); i++) {
            text.append(tree(trace, children.get(i), below + (i == children.size() - 1 ? "└─ " : "├─ ")));
        }
        return text.toString();
    }

    @Test
    void the_log_lines_of_one_order_carry_its_trace_id_their_span_and_module_also_as_structured_json() {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger deliveries = logging.getLogger("dev.bulkhead.platform.events.DeliverySteps");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        Level level = deliveries.getLevel();
        deliveries.setLevel(Level.DEBUG);
        deliveries.addAppender(lines);
        String order;
        try {
            order = paidOrder("Logged");
            TraceParent placed = storedTrace("dev.bulkhead.billing.internal.PaymentProcessor", "orderId", order);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> linesOf(lines, placed.traceId()).size() >= 2);
            List<ILoggingEvent> ofOrder = linesOf(lines, placed.traceId());
            assertThat(ofOrder).allSatisfy(line -> assertThat(line.getMDCPropertyMap().get("spanId")).hasSize(16));
            assertThat(ofOrder).extracting(line -> line.getMDCPropertyMap().get("module")).contains("billing", "order");

            // Spring Boot's structured logging (logging.structured.format.console=ecs) writes the same fields
            StructuredLogEncoder ecs = new StructuredLogEncoder();
            ecs.setContext(logging);
            ecs.setFormat("ecs");
            ecs.start();
            ILoggingEvent billing = ofOrder.stream().filter(line -> "billing".equals(line.getMDCPropertyMap().get("module")))
                    .findFirst().orElseThrow();
            JsonNode json = JsonMapper.builder().build().readTree(new String(ecs.encode(billing), StandardCharsets.UTF_8));
            assertThat(json.toString()).contains(placed.traceId()).contains(billing.getMDCPropertyMap().get("spanId"));
            assertThat(json.toString()).contains("\"module\":\"billing\"");
        } finally {
            deliveries.detachAppender(lines);
            deliveries.setLevel(level);
        }
    }

    private String paidOrder(String name) {
        UUID customer = http.registerCustomer(name);
        http.topUp(customer, 10_000);
        String order = http.placeOrder(customer, 1_000);
        http.awaitJson("/v1/orders/" + order, "$.status", "PAID");
        return order;
    }

    private static List<ILoggingEvent> linesOf(ListAppender<ILoggingEvent> lines, String traceId) {
        synchronized (lines.list) {
            return lines.list.stream().filter(line -> traceId.equals(line.getMDCPropertyMap().get("traceId"))).toList();
        }
    }

    /** The trace stored with the publication of an event to a listener of {@code listenerClass}, found by a member of the event. */
    private TraceParent storedTrace(String listenerClass, String member, String value) {
        String header = jdbc.sql("""
                select serialized_event::jsonb -> '@trace' ->> 'traceparent' from events.event_publication
                where listener_id like ? and serialized_event::jsonb ->> ? = ?""")
                .param(listenerClass + ".%").param(member).param(value).query(String.class).single();
        return TraceParent.parse(header).orElseThrow();
    }

    static List<SpanData> awaitSpans(String traceId, String... names) {
        try {
            Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> RecordedSpans
                    .ofTrace(traceId).stream().map(SpanData::getName).toList().containsAll(List.of(names)));
        } catch (ConditionTimeoutException missing) {
            throw new AssertionError("trace " + traceId + " has " + RecordedSpans.ofTrace(traceId).stream()
                    .map(span -> span.getName() + " " + span.getSpanId() + "<-" + span.getParentSpanId()).toList()
                    + ", not all of " + List.of(names), missing);
        }
        return RecordedSpans.ofTrace(traceId);
    }

    static SpanData named(List<SpanData> trace, String name) {
        List<SpanData> spans = trace.stream().filter(span -> span.getName().equals(name)).toList();
        assertThat(spans).as("spans named %s", name).hasSize(1);
        return spans.get(0);
    }
}
