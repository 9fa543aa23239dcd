package dev.bulkhead.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.bulkhead.billing.BillingApi;
import dev.bulkhead.kernel.Money;
import dev.bulkhead.order.OrderId;
import dev.bulkhead.order.OrderPlaced;
import dev.bulkhead.testing.FaultyLink;
import dev.bulkhead.testing.PartialProcess;
import dev.bulkhead.testing.TestBroker;
import dev.bulkhead.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import dev.bulkhead.platform.observability.TraceParent;
import dev.bulkhead.testing.RecordedSpans;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;
import tools.jackson.databind.json.JsonMapper;

/**
 * The extraction of billing, rehearsed: billing runs as an application of its own against a database
 * holding only its schema and roles; user, order, history and dashboard run as another application
 * against a second database. They share nothing but a real RabbitMQ ({@link TestBroker}) and HTTP:
 * billing asks {@code UserApi} over HTTP, and every event between them travels signed through the
 * broker. Then forged messages are sent straight to the broker and must change nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExtractionRehearsalTests {

    private static final String ACTIVE_ON_MAIN = "k2";
    private static final String ACTIVE_ON_BILLING = "k1";

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String exchange = "bulkhead.rehearsal." + run;
    private final String billingQueue = "rehearsal." + run + ".billing";
    private final String mainQueue = "rehearsal." + run + ".main";
    private final Map<String, String> keys = Map.of("k1", randomKey(), "k2", randomKey());

    private TestBroker.Coordinates broker;
    /** Both processes reach the broker through it, so that a test can take the broker away from them (ADR 0035). */
    private FaultyLink brokerLink;
    /** The billing process reaches its database through it; the test's own queries do not. */
    private FaultyLink billingDatabaseLink;
    private TestDatabase.Coordinates billingDatabase;
    private TestDatabase.Coordinates mainDatabase;
    private ConfigurableApplicationContext billing;
    private ConfigurableApplicationContext main;
    /** Both processes trust tokens signed with the same key, as services behind one identity provider do. */
    private final String sharedTokenKey = UUID.randomUUID() + "-" + UUID.randomUUID();
    private RestClient billingHttp;
    private RestClient mainHttp;
    private CachingConnectionFactory testConnection;
    private RabbitTemplate rabbit;

    @BeforeAll
    void startBothProcesses() {
        broker = TestBroker.get();
        brokerLink = FaultyLink.to("rabbitmq", broker.host(), broker.port());
        int billingPort = freePort();
        int mainPort = freePort();
        billingDatabase = TestDatabase.newDatabase("billing_service");
        billingDatabaseLink = linkTo(billingDatabase);
        billing = start(linked(billingDatabase, billingDatabaseLink), billingPort, Map.of(
                // gives up on the database within a second, so that a receive during an outage fails and is not acknowledged
                "bulkhead.database.budgets.default.background-acquire-timeout", "1s",
                "bulkhead.modules", "billing",
                "bulkhead.database.role-prefix", "billingsvc",
                "bulkhead.messaging.queue", billingQueue,
                "bulkhead.messaging.signing.active-key", ACTIVE_ON_BILLING,
                "bulkhead.remote.user.url", "http://127.0.0.1:" + mainPort,
                "bulkhead.security.jwt-secret", sharedTokenKey));
        mainDatabase = TestDatabase.newDatabase("main");
        main = start(mainDatabase, mainPort, Map.of(
                "bulkhead.modules", "user,order,history,dashboard",
                "bulkhead.messaging.queue", mainQueue,
                "bulkhead.messaging.signing.active-key", ACTIVE_ON_MAIN,
                "bulkhead.remote.billing.url", "http://127.0.0.1:" + billingPort,
                "bulkhead.security.jwt-secret", sharedTokenKey));
        billingHttp = RestClient.builder().baseUrl("http://127.0.0.1:" + billingPort).build();
        mainHttp = RestClient.builder().baseUrl("http://127.0.0.1:" + mainPort).build();
        testConnection = broker.connectionFactory();
        rabbit = new RabbitTemplate(testConnection);
    }

    @AfterAll
    void stopAndCleanUp() {
        if (main != null) {
            main.close();
        }
        if (billing != null) {
            billing.close();
        }
        if (testConnection != null) {
            RabbitAdmin admin = new RabbitAdmin(testConnection);
            for (String queue : List.of(billingQueue, mainQueue)) {
                admin.deleteQueue(queue);
                admin.deleteQueue(queue + ".dead-letter");
                admin.deleteExchange(queue + ".dead-letter");
            }
            admin.deleteExchange(exchange);
            testConnection.destroy();
        }
        if (brokerLink != null) {
            brokerLink.close();
        }
        if (billingDatabaseLink != null) {
            billingDatabaseLink.close();
        }
    }

    @Test
    void anOrderIsPaidAndRefundedWhileBillingRunsAsASeparateApplicationBehindTheBroker() {
        UUID user = registerCustomerWithBalance("Ada Remote", 5000);

        UUID order = placeOrder(user, 2500);
        awaitOrderStatus(order, "PAID");
        mainHttp.post().uri("/v1/orders/{id}/cancel", order).header("Authorization", bearer(user, "CUSTOMER"))
                .retrieve().toBodilessEntity();
        awaitOrderStatus(order, "REFUNDED");

        JsonNode summary = billingHttp.get().uri("/v1/billing/summary/{id}", user).header("Authorization", bearer(user, "CUSTOMER"))
                .retrieve().body(JsonNode.class);
        assertThat(summary.toString()).contains("5000");
        // the events really crossed the broker, verified on each side
        assertThat(count(billingDatabase, "select count(*) from events.received_messages where event_type = 'OrderCancelled'"))
                .isPositive();
        assertThat(main.getBean(BillingApi.class).findCharges(List.of(order))).hasSize(1);
    }

    /**
     * One order's trace crosses the broker both ways: the monolith's order steps, billing's charge in the other
     * process, and the order's PAID listener back in the monolith, each process continuing the span the other sent.
     */
    @Test
    void billingsSpansInTheOtherProcessBelongToTheOrdersTrace() {
        UUID user = registerCustomerWithBalance("Ada Traced", 5000);
        UUID order = placeOrder(user, 1500);
        awaitOrderStatus(order, "PAID");

        String traceId = TraceParent.parse(jdbcString(mainDatabase, "select serialized_event::jsonb -> '@trace' ->> 'traceparent' "
                + "from events.event_publication where serialized_event::jsonb ->> 'orderId' = '" + order + "' limit 1"))
                .orElseThrow().traceId();
        List<String> expected = List.of("http post /v1/orders", "order place", "order publish OrderPlaced",
                "order receive OrderPlaced", "billing charge", "billing publish PaymentCompleted",
                "billing receive PaymentCompleted", "order paid");
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> RecordedSpans.ofTrace(traceId).stream()
                .map(SpanData::getName).toList().containsAll(expected));
        List<SpanData> trace = RecordedSpans.ofTrace(traceId);
        // each hop is the child of the one before it: sent by one process, continued by the other
        assertThat(parentOf(trace, "order publish OrderPlaced")).isEqualTo(spanOf(trace, "order place"));
        assertThat(parentOf(trace, "order receive OrderPlaced")).isEqualTo(spanOf(trace, "order publish OrderPlaced"));
        assertThat(parentOf(trace, "billing charge")).isEqualTo(spanOf(trace, "order receive OrderPlaced"));
        assertThat(parentOf(trace, "billing publish PaymentCompleted")).isEqualTo(spanOf(trace, "billing charge"));
        assertThat(parentOf(trace, "billing receive PaymentCompleted")).isEqualTo(spanOf(trace, "billing publish PaymentCompleted"));
        assertThat(parentOf(trace, "order paid")).isEqualTo(spanOf(trace, "billing receive PaymentCompleted"));
        assertThat(named(trace, "billing charge").getAttributes().get(AttributeKey.stringKey("module"))).isEqualTo("billing");
        // the charge ran in the billing process: the monolith hosts no billing module, so the span can only be from there
        assertThat(billing.getBean(BillingApi.class).findCharges(List.of(order))).hasSize(1);
    }

    /** The trace header is inside the signature: changing it is tampering like any other. */
    @Test
    void aMessageWhoseTraceHeaderWasChangedIsDeadLetteredAndChangesNothing() {
        OrderPlaced charge = chargeFor(registerCustomerWithBalance("Trace Tampered", 5000), 1000);
        TraceParent sent = TraceParent.parse("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01").orElseThrow();
        Message message = signed(charge, ACTIVE_ON_MAIN, keys.get(ACTIVE_ON_MAIN), sent);
        message.getMessageProperties().setHeader(MessageSignature.TRACE_PARENT,
                "00-0af7651916cd43dd8448eb211c80319c-00000000000000aa-01");
        assertRejected(message, charge);
    }

    /** A genuine message with a trace header is applied, and billing's charge continues the sender's trace. */
    @Test
    void aGenuineMessageCarryingATraceIsAppliedInThatTrace() {
        UUID user = registerCustomerWithBalance("Trace Genuine", 5000);
        OrderPlaced charge = chargeFor(user, 1000);
        TraceParent sent = TraceParent.parse("00-" + UUID.randomUUID().toString().replace("-", "") + "-b7ad6b7169203331-01")
                .orElseThrow();
        rabbit.send(exchange, "OrderPlaced", signed(charge, ACTIVE_ON_MAIN, keys.get(ACTIVE_ON_MAIN), sent));
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> !billing.getBean(BillingApi.class).findCharges(List.of(charge.orderId().value())).isEmpty());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> RecordedSpans.ofTrace(sent.traceId()).stream()
                .anyMatch(span -> span.getName().equals("billing charge")));
        assertThat(parentOf(RecordedSpans.ofTrace(sent.traceId()), "order receive OrderPlaced")).isEqualTo(sent.spanId());
    }

    /**
     * The broker goes away while events flow both ways (OrderPlaced to billing, PaymentCompleted back), and orders are
     * placed while it is away: every order is paid once it returns, each charged once. Sends wait in the registry until
     * the broker confirms them; a message whose acknowledgement was lost with the connection is delivered again and
     * recognized as applied; a send the broker had but could not confirm is sent again and dead-lettered as a replay.
     */
    @Test
    void cuttingTheBrokerWhileEventsFlowBothWaysLosesNothingAndAppliesNothingTwice() {
        UUID user = registerCustomerWithBalance("Broker Outage", 100_000);
        List<UUID> orders = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            orders.add(placeOrder(user, 1_000));
        }
        brokerLink.cut();
        for (int i = 0; i < 5; i++) {
            orders.add(placeOrder(user, 1_000)); // the database is there: accepted, their events wait for the broker
        }
        sleep(Duration.ofSeconds(3));
        brokerLink.restore();

        orders.forEach(order -> awaitOrderStatus(order, "PAID"));
        assertThat(billing.getBean(BillingApi.class).findCharges(orders)).as("one charge per order").hasSize(orders.size());
        assertThat(balanceOf(user)).isEqualTo(100_000 - 10 * 1_000);
        for (String queue : List.of(billingQueue, mainQueue)) {
            for (Message deadLetter; (deadLetter = rabbit.receive(queue + ".dead-letter", 500)) != null;) {
                // only a copy of an event that was applied, sent again because the broker's confirm was lost with the link
                String eventId = deadLetter.getMessageProperties().getMessageId();
                assertThat(count(queue.equals(billingQueue) ? billingDatabase : mainDatabase,
                        "select count(*) from events.received_messages where event_id = '" + eventId + "'"))
                        .as("dead-lettered %s was applied once", eventId).isEqualTo(1);
            }
        }
    }

    /**
     * Billing's database goes away while the events of new orders arrive from the broker: each receive fails, is not
     * acknowledged and comes again, until the database answers; then every order is charged once.
     */
    @Test
    void cuttingBillingsDatabaseWhileItsEventsArriveLosesNothingAndChargesOnce() {
        UUID user = registerCustomerWithBalance("Billing Database Outage", 50_000);
        billingDatabaseLink.cut();
        List<UUID> orders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            orders.add(placeOrder(user, 1_000)); // the main process's database is there: accepted and sent
        }
        sleep(Duration.ofSeconds(3));
        assertThat(billingDatabaseLink.refusedConnections()).as("billing tried its database during the cut").isPositive();
        billingDatabaseLink.restore();

        orders.forEach(order -> awaitOrderStatus(order, "PAID"));
        assertThat(billing.getBean(BillingApi.class).findCharges(orders)).as("one charge per order").hasSize(orders.size());
        assertThat(balanceOf(user)).isEqualTo(50_000 - 3 * 1_000);
    }

    @Test
    void theBillingDatabaseHoldsOnlyBillingsSchemaAndRoles() {
        if (billingDatabase.explicit()) {
            // a server named by the environment is one shared database: nothing separate to check
            return;
        }
        assertThat(strings(billingDatabase, "select nspname from pg_namespace where nspname not like 'pg_%' "
                + "and nspname not in ('information_schema', 'public') order by 1"))
                .containsExactly("billing", "events");
        assertThat(strings(billingDatabase, "select rolname from pg_roles where rolname like 'billingsvc%' and rolname <> 'billingsvc_login' order by 1"))
                .containsExactly("billingsvc_billing_app", "billingsvc_billing_login", "billingsvc_billing_owner",
                        "billingsvc_events_app", "billingsvc_events_login", "billingsvc_events_owner");
    }

    @Test
    void aTamperedMessageIsDeadLetteredAndChangesNothing() {
        OrderPlaced charge = chargeFor(registerCustomerWithBalance("Tampered", 5000), 1000);
        Message message = signed(charge, ACTIVE_ON_MAIN, keys.get(ACTIVE_ON_MAIN));
        byte[] body = new String(message.getBody()).replace("1000", "1").getBytes();
        assertRejected(new Message(body, message.getMessageProperties()), charge);
    }

    @Test
    void anUnsignedMessageIsDeadLetteredAndChangesNothing() {
        OrderPlaced charge = chargeFor(registerCustomerWithBalance("Unsigned", 5000), 1000);
        Message message = signed(charge, ACTIVE_ON_MAIN, keys.get(ACTIVE_ON_MAIN));
        message.getMessageProperties().getHeaders().remove(MessageSignature.SIGNATURE);
        message.getMessageProperties().getHeaders().remove(MessageSignature.KEY_ID);
        assertRejected(message, charge);
    }

    @Test
    void aMessageSignedWithTheWrongSecretIsDeadLetteredAndChangesNothing() {
        OrderPlaced charge = chargeFor(registerCustomerWithBalance("Wrong Secret", 5000), 1000);
        assertRejected(signed(charge, ACTIVE_ON_MAIN, randomKey()), charge);
    }

    @Test
    void aMessageSignedWithAnUnknownKeyIsDeadLetteredAndChangesNothing() {
        OrderPlaced charge = chargeFor(registerCustomerWithBalance("Unknown Key", 5000), 1000);
        assertRejected(signed(charge, "k9", randomKey()), charge);
    }

    @Test
    void aReplayedMessageIsDeadLetteredAndChargesOnlyOnce() {
        UUID user = registerCustomerWithBalance("Replayed", 5000);
        OrderPlaced charge = chargeFor(user, 1000);
        Message genuine = signed(charge, ACTIVE_ON_MAIN, keys.get(ACTIVE_ON_MAIN));
        rabbit.send(exchange, "OrderPlaced", genuine);
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> !billing.getBean(BillingApi.class).findCharges(List.of(charge.orderId().value())).isEmpty());
        long balance = balanceOf(user);

        rabbit.send(exchange, "OrderPlaced", signed(charge, ACTIVE_ON_MAIN, keys.get(ACTIVE_ON_MAIN)));

        Message deadLetter = rabbit.receive(billingQueue + ".dead-letter", 10_000);
        assertThat(deadLetter).isNotNull();
        assertThat(deadLetter.getMessageProperties().getMessageId()).isEqualTo(charge.eventId().toString());
        assertThat(balanceOf(user)).isEqualTo(balance).isEqualTo(4000);
    }

    /** Signed with a send time older than the message TTL (7 days by default) by the real key: the replay guard may have forgotten it. */
    @Test
    void aMessageOlderThanTheTtlIsDeadLetteredAndChangesNothing() {
        OrderPlaced charge = chargeFor(registerCustomerWithBalance("Expired", 5000), 1000);
        assertRejected(signed(charge, ACTIVE_ON_MAIN, keys.get(ACTIVE_ON_MAIN), null, Instant.now().minus(Duration.ofDays(8))),
                charge);
    }

    @Test
    void aMessageFromBeyondTheClockSkewIsDeadLetteredAndChangesNothing() {
        OrderPlaced charge = chargeFor(registerCustomerWithBalance("From The Future", 5000), 1000);
        assertRejected(signed(charge, ACTIVE_ON_MAIN, keys.get(ACTIVE_ON_MAIN), null, Instant.now().plus(Duration.ofHours(1))),
                charge);
    }

    /** An expired message made young again: the send time is signed. */
    @Test
    void aMessageWhoseSendTimeWasChangedIsDeadLetteredAndChangesNothing() {
        OrderPlaced charge = chargeFor(registerCustomerWithBalance("Sent-At Tampered", 5000), 1000);
        Message message = signed(charge, ACTIVE_ON_MAIN, keys.get(ACTIVE_ON_MAIN), null, Instant.now().minus(Duration.ofDays(8)));
        message.getMessageProperties().setHeader(MessageSignature.SENT_AT, Instant.now().toString());
        assertRejected(message, charge);
    }

    /** Signed the way the version before send times signed: its age cannot be proven, and no operator allowed it here. */
    @Test
    void aMessageWithoutASendTimeIsDeadLetteredByDefaultAndChangesNothing() {
        OrderPlaced charge = chargeFor(registerCustomerWithBalance("Unstamped", 5000), 1000);
        Message message = signed(charge, ACTIVE_ON_MAIN, keys.get(ACTIVE_ON_MAIN));
        MessageProperties properties = message.getMessageProperties();
        properties.getHeaders().remove(MessageSignature.SENT_AT);
        properties.setHeader(MessageSignature.SIGNATURE, MessageSignature.computeUnstampedWithoutTrace(
                Base64.getDecoder().decode(keys.get(ACTIVE_ON_MAIN)), ACTIVE_ON_MAIN, "OrderPlaced",
                charge.eventId().toString(), message.getBody()));
        assertRejected(message, charge);
    }

    /**
     * Billing's inbox was declared with the message TTL: redeclaring it without one is refused by the broker, which
     * names the argument and the value it holds.
     */
    @Test
    void theInboundQueueExpiresMessagesAfterTheTtl() {
        var queue = new Queue(billingQueue, true, false, false,
                Map.of("x-dead-letter-exchange", billingQueue + ".dead-letter", "x-dead-letter-routing-key", billingQueue));
        CachingConnectionFactory separate = broker.connectionFactory();
        try {
            assertThat(catchThrowable(() -> new RabbitAdmin(separate).declareQueue(queue)))
                    .hasStackTraceContaining("inequivalent arg 'x-message-ttl'").hasStackTraceContaining("604800000");
        } finally {
            separate.destroy();
        }
    }

    // ---------------------------------------------------------------------------------------------

    private void assertRejected(Message forged, OrderPlaced charge) {
        rabbit.send(exchange, "OrderPlaced", forged);
        Message deadLetter = rabbit.receive(billingQueue + ".dead-letter", 10_000);
        assertThat(deadLetter).as("the forged message in the dead-letter queue").isNotNull();
        assertThat(deadLetter.getMessageProperties().getMessageId()).isEqualTo(charge.eventId().toString());
        assertThat(billing.getBean(BillingApi.class).findCharges(List.of(charge.orderId().value()))).isEmpty();
        assertThat(count(billingDatabase, "select count(*) from events.received_messages where event_id = '"
                + charge.eventId() + "'")).isZero();
        assertThat(balanceOf(charge.userId().value())).isEqualTo(5000);
    }

    private OrderPlaced chargeFor(UUID user, long amount) {
        return new OrderPlaced(UUID.randomUUID(), OrderId.of(UUID.randomUUID()), dev.bulkhead.user.UserId.of(user),
                new Money(amount, "EUR"), Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    /** A message exactly as a process signing with {@code keyId} and {@code secret} would send it. */
    private Message signed(OrderPlaced event, String keyId, String secret) {
        return signed(event, keyId, secret, null);
    }

    /** The same, sent from within the span {@code trace}. */
    private Message signed(OrderPlaced event, String keyId, String secret, TraceParent trace) {
        return signed(event, keyId, secret, trace, Instant.now());
    }

    /** The same, sent by a process whose clock reads {@code sentAt}. */
    private Message signed(OrderPlaced event, String keyId, String secret, TraceParent trace, Instant sentAt) {
        var keys = new MessagingProperties.Signing(keyId, Map.of(keyId, secret));
        return new SignedEventTransport(null, main.getBean(JsonMapper.class), SigningKeys.from(keys), Tracer.NOOP,
                Clock.fixed(sentAt, ZoneOffset.UTC)).signedMessage(event, trace);
    }

    private static SpanData named(List<SpanData> trace, String name) {
        return trace.stream().filter(span -> span.getName().equals(name)).findFirst().orElseThrow();
    }

    private static String spanOf(List<SpanData> trace, String name) {
        return named(trace, name).getSpanId();
    }

    private static String parentOf(List<SpanData> trace, String name) {
        return named(trace, name).getParentSpanId();
    }

    private static String jdbcString(TestDatabase.Coordinates database, String sql) {
        List<String> values = strings(database, sql);
        assertThat(values).hasSize(1);
        return values.get(0);
    }

    private UUID registerCustomerWithBalance(String name, long balance) {
        JsonNode user = mainHttp.post().uri("/v1/users").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", UUID.randomUUID() + "@example.com", "name", name)).retrieve().body(JsonNode.class);
        UUID id = UUID.fromString(user.get("id").asString());
        // billing opens the account when UserRegistered arrives from the broker
        Awaitility.await().atMost(Duration.ofSeconds(15)).ignoreExceptions().until(() -> billingHttp.post()
                .uri("/v1/billing/accounts/{id}/top-ups", id).contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", bearer(id, "CUSTOMER"))
                .body(Map.of("amount", balance, "currency", "EUR")).retrieve().toBodilessEntity()
                .getStatusCode().is2xxSuccessful());
        return id;
    }

    private UUID placeOrder(UUID user, long unitPrice) {
        JsonNode order = mainHttp.post().uri("/v1/orders").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", bearer(user, "CUSTOMER"))
                .body(Map.of("userId", user, "currency", "EUR",
                        "lines", List.of(Map.of("sku", "BOOK-1", "quantity", 1, "unitPrice", unitPrice))))
                .retrieve().body(JsonNode.class);
        return UUID.fromString(order.get("id").asString());
    }

    private void awaitOrderStatus(UUID order, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> status.equals(
                mainHttp.get().uri("/v1/orders/{id}", order).header("Authorization", bearer(UUID.randomUUID(), "SUPPORT"))
                        .retrieve().body(JsonNode.class).get("status").asString()));
    }

    private long balanceOf(UUID user) {
        return billingHttp.get().uri("/v1/billing/summary/{id}", user).header("Authorization", bearer(user, "CUSTOMER"))
                .retrieve().body(JsonNode.class).get("balance").get("minorUnits").asLong();
    }

    /** A development token from the main process; the billing process accepts it too (same signing key). */
    private String bearer(UUID subject, String role) {
        JsonNode issued = mainHttp.post().uri("/v1/dev/tokens").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("subject", subject.toString(), "roles", List.of(role))).retrieve().body(JsonNode.class);
        return "Bearer " + issued.get("token").asString();
    }

    private ConfigurableApplicationContext start(TestDatabase.Coordinates database, int port, Map<String, String> own) {
        Map<String, Object> properties = new HashMap<>(broker.springProperties());
        properties.put("spring.rabbitmq.host", brokerLink.host());
        properties.put("spring.rabbitmq.port", brokerLink.port());
        properties.putAll(own);
        properties.put("bulkhead.messaging.enabled", true);
        properties.put("bulkhead.messaging.exchange", exchange);
        keys.forEach((id, secret) -> properties.put("bulkhead.messaging.signing.keys." + id, secret));
        properties.put("bulkhead.remote.serve-published-queries", true);
        properties.put("bulkhead.events.retry.interval", "200ms");
        properties.put("bulkhead.events.retry.initial-backoff", "100ms");
        // every trace sampled and recorded, in one recorder for both processes
        properties.put("management.tracing.sampling.probability", "1.0");
        return PartialProcess.start(database, port, properties, RecordedSpans.class);
    }

    private static List<String> strings(TestDatabase.Coordinates database, String sql) {
        List<String> values = new ArrayList<>();
        query(database, sql, result -> {
            while (result.next()) {
                values.add(result.getString(1));
            }
        });
        return values;
    }

    private static long count(TestDatabase.Coordinates database, String sql) {
        long[] count = new long[1];
        query(database, sql, result -> {
            result.next();
            count[0] = result.getLong(1);
        });
        return count[0];
    }

    private interface Rows {
        void read(ResultSet result) throws SQLException;
    }

    private static void query(TestDatabase.Coordinates database, String sql, Rows rows) {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            rows.read(result);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static FaultyLink linkTo(TestDatabase.Coordinates database) {
        Matcher address = Pattern.compile("^jdbc:postgresql://([^:/]+):(\\d+)/").matcher(database.jdbcUrl());
        if (!address.find()) {
            throw new IllegalStateException("cannot put a link in front of " + database.jdbcUrl());
        }
        return FaultyLink.to("billing-postgresql", address.group(1), Integer.parseInt(address.group(2)));
    }

    /** The same database, reached through {@code link}. */
    private static TestDatabase.Coordinates linked(TestDatabase.Coordinates database, FaultyLink link) {
        return new TestDatabase.Coordinates(database.jdbcUrl().replaceFirst("^jdbc:postgresql://[^/]+/",
                "jdbc:postgresql://" + link.host() + ":" + link.port() + "/"), database.username(), database.password(),
                database.source());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String randomKey() {
        return PartialProcess.randomKey();
    }

    private static int freePort() {
        return PartialProcess.freePort();
    }
}
