package dev.bulkhead.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.platform.observability.TraceParent;
import dev.bulkhead.testing.DatabaseInspector;
import dev.bulkhead.testing.HttpClient;
import dev.bulkhead.testing.IntegrationTest;
import dev.bulkhead.testing.RecordedSpans;
import dev.bulkhead.user.UserId;
import dev.bulkhead.user.UserRenamed;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A delivery that happens later than the publisher's request (retried after its listener failed, recovered after
 * its instance died, resubmitted by an operator) still belongs to the publisher's trace: the trace context is
 * stored with the publication and restored for the listener, whichever thread delivers it. One later than
 * {@code continue-within} (one hour) starts a new trace linked to the publisher's.
 */
@IntegrationTest
class DeliveryTraceTests {

    private static final String BILLING_RENAME_LISTENER = "dev.bulkhead.billing.internal.AccountLifecycle.on(dev.bulkhead.user.UserRenamed)";
    private static final String ORDER_PAID_LISTENER = "dev.bulkhead.order.internal.PaymentOutcomes.on(dev.bulkhead.billing.PaymentCompleted)";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    DatabaseInspector jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    EventRetryJob retryJob;

    @Autowired
    Tracer tracer;

    @Autowired
    MeterRegistry meters;

    @Autowired
    Clock clock;

    HttpClient http;

    @BeforeEach
    void setUp() {
        http = new HttpClient(mvc);
    }

    @Test
    void a_delivery_retried_after_its_listener_failed_continues_the_publishers_trace() {
        // billing cannot rename an account it has not opened yet: the first deliveries fail
        UserId late = UserId.random();
        Span publisher = tracer.nextSpan().name("publisher").start();
        UUID eventId;
        try (Tracer.SpanInScope scope = tracer.withSpan(publisher)) {
            eventId = UUID.randomUUID();
            transactions.executeWithoutResult(status -> events.publishEvent(new UserRenamed(eventId, late, "Late", clock.instant())));
        } finally {
            publisher.end();
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> jdbc.count("select count(*) from events.publication_failures where event_id = ?", eventId) >= 1);
        openAccount(late);
        awaitCompleted(eventId, BILLING_RENAME_LISTENER);

        String traceId = publisher.context().traceId();
        List<SpanData> deliveries = awaitDeliveries(traceId, "billing on UserRenamed",
                spans -> spans.stream().anyMatch(span -> span.getStatus().getStatusCode() != StatusCode.ERROR));
        assertThat(deliveries).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(delivery -> assertThat(delivery.getParentSpanId()).isEqualTo(publisher.context().spanId()));
        assertThat(deliveries.get(0).getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(deliveries.get(deliveries.size() - 1).getStatus().getStatusCode()).isNotEqualTo(StatusCode.ERROR);
    }

    @Test
    void a_parked_delivery_an_operator_resubmits_continues_the_publishers_trace() {
        UserId ghost = UserId.random();
        Span publisher = tracer.nextSpan().name("publisher").start();
        UUID eventId = UUID.randomUUID();
        try (Tracer.SpanInScope scope = tracer.withSpan(publisher)) {
            transactions.executeWithoutResult(status -> events.publishEvent(new UserRenamed(eventId, ghost, "Ghost", clock.instant())));
        } finally {
            publisher.end();
        }
        // three failed deliveries park it (@IntegrationTest); the operator fixes the cause and resubmits
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() -> jdbc.count("""
                select count(*) from events.event_publication where serialized_event::jsonb ->> 'eventId' = ? and listener_id = ?
                  and status = 'FAILED' and completion_attempts >= 3""", eventId.toString(), BILLING_RENAME_LISTENER) == 1);
        openAccount(ghost);
        String publication = jdbc.sql("""
                select cast(id as text) from events.event_publication where serialized_event::jsonb ->> 'eventId' = ? and listener_id = ?""")
                .param(eventId.toString()).param(BILLING_RENAME_LISTENER).query(String.class).single();
        assertThat(http.post("/v1/admin/events/" + publication + "/resubmit", "")).hasStatus(org.springframework.http.HttpStatus.ACCEPTED);
        awaitCompleted(eventId, BILLING_RENAME_LISTENER);

        String traceId = publisher.context().traceId();
        SpanData resubmitted = awaitDeliveries(traceId, "billing on UserRenamed",
                spans -> spans.stream().anyMatch(span -> span.getStatus().getStatusCode() != StatusCode.ERROR)).stream()
                .filter(span -> span.getStatus().getStatusCode() != StatusCode.ERROR).findFirst().orElseThrow();
        assertThat(resubmitted.getParentSpanId()).isEqualTo(publisher.context().spanId());
    }

    @Test
    void a_delivery_republished_after_its_instance_died_continues_the_publishers_trace() {
        String order = paidOrder("Recovered");
        TraceParent charged = storedTrace(ORDER_PAID_LISTENER, order);
        double duplicates = duplicatesOf("order");

        abandon(ORDER_PAID_LISTENER, order, Duration.ZERO);
        retryJob.retryDue();

        List<SpanData> deliveries = awaitDeliveries(charged.traceId(), "order paid", spans -> spans.size() >= 2);
        assertThat(deliveries).allSatisfy(delivery -> assertThat(delivery.getParentSpanId()).isEqualTo(charged.spanId()));
        // the order's inbox knew the event: the redelivery changed nothing, and was counted
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> duplicatesOf("order") > duplicates);
    }

    @Test
    void a_delivery_later_than_an_hour_after_its_publication_starts_a_new_trace_linked_to_the_publishers() {
        String order = paidOrder("Late Recovery");
        TraceParent charged = storedTrace(ORDER_PAID_LISTENER, order);
        int before = RecordedSpans.all().size();

        abandon(ORDER_PAID_LISTENER, order, Duration.ofHours(2));
        retryJob.retryDue();

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> latePaid(before, charged).isPresent());
        SpanData late = latePaid(before, charged).orElseThrow();
        assertThat(late.getTraceId()).isNotEqualTo(charged.traceId());
        assertThat(late.getParentSpanContext().isValid()).isFalse();
        assertThat(late.getLinks()).extracting(LinkData::getSpanContext)
                .anySatisfy(link -> {
                    assertThat(link.getTraceId()).isEqualTo(charged.traceId());
                    assertThat(link.getSpanId()).isEqualTo(charged.spanId());
                });
    }

    /** The first "order paid" span recorded after {@code before} that links to the charge's span. */
    private static java.util.Optional<SpanData> latePaid(int before, TraceParent charged) {
        List<SpanData> all = RecordedSpans.all();
        return all.subList(Math.min(before, all.size()), all.size()).stream()
                .filter(span -> span.getName().equals("order paid"))
                .filter(span -> span.getLinks().stream().anyMatch(link -> link.getSpanContext().getSpanId().equals(charged.spanId())))
                .findFirst();
    }

    private String paidOrder(String name) {
        UUID customer = http.registerCustomer(name);
        http.topUp(customer, 10_000);
        String order = http.placeOrder(customer, 1_000);
        http.awaitJson("/v1/orders/" + order, "$.status", "PAID");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.count("""
                select count(*) from events.event_publication
                where listener_id = ? and serialized_event::jsonb ->> 'chargeReference' = ? and completion_date is not null""",
                ORDER_PAID_LISTENER, order) == 1);
        return order;
    }

    /**
     * Makes the order's PAID delivery look abandoned by an instance that died while delivering it, as the registry
     * would find it after a crash, with its trace stored {@code age} before now.
     */
    private void abandon(String listener, String order, Duration age) {
        String at = clock.instant().minus(age).toString();
        int updated = jdbc.sql("""
                update events.event_publication
                set completion_date = null, status = 'PUBLISHED', last_resubmission_date = null,
                    publication_date = publication_date - interval '1 hour',
                    serialized_event = jsonb_set(serialized_event::jsonb, '{@trace,at}', to_jsonb(cast(? as text)))::text
                where listener_id = ? and serialized_event::jsonb ->> 'chargeReference' = ?""")
                .param(at).param(listener).param(order).update();
        assertThat(updated).isEqualTo(1);
    }

    private TraceParent storedTrace(String listener, String order) {
        String header = jdbc.sql("""
                select serialized_event::jsonb -> '@trace' ->> 'traceparent' from events.event_publication
                where listener_id = ? and serialized_event::jsonb ->> 'chargeReference' = ?""")
                .param(listener).param(order).query(String.class).single();
        return TraceParent.parse(header).orElseThrow();
    }

    private List<SpanData> awaitDeliveries(String traceId, String name, java.util.function.Predicate<List<SpanData>> done) {
        try {
            Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                    .until(() -> done.test(deliveries(traceId, name)));
        } catch (org.awaitility.core.ConditionTimeoutException missing) {
            throw new AssertionError("trace " + traceId + " has " + RecordedSpans.ofTrace(traceId).stream()
                    .map(span -> span.getName() + " " + span.getSpanId() + "<-" + span.getParentSpanId()).toList(), missing);
        }
        return deliveries(traceId, name);
    }

    private static List<SpanData> deliveries(String traceId, String name) {
        return RecordedSpans.ofTrace(traceId).stream().filter(span -> span.getName().equals(name))
                .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos)).toList();
    }

    private double duplicatesOf(String module) {
        var counter = meters.find("bulkhead.events.duplicates").tag("module", module).counter();
        return counter == null ? 0 : counter.count();
    }

    private void awaitCompleted(UUID eventId, String listener) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() -> jdbc.count("""
                select count(*) from events.event_publication
                where serialized_event::jsonb ->> 'eventId' = ? and listener_id = ? and completion_date is not null""",
                eventId.toString(), listener) == 1);
    }

    /** Opens a billing account as billing would on UserRegistered, by writing the row directly. */
    private void openAccount(UserId user) {
        jdbc.sql("""
                insert into billing.accounts (user_id, email, name, active, currency, balance_minor, opened_at, version)
                values (?, 'late@example.com', 'Unnamed', true, 'EUR', 0, now(), 0)""").param(user.value()).update();
    }

}
