package dev.bulkhead.order.internal;

import dev.bulkhead.testing.DatabaseInspector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.BDDMockito.given;

import dev.bulkhead.billing.PaymentCompleted;
import dev.bulkhead.billing.PaymentFailed;
import dev.bulkhead.billing.PaymentFailureReason;
import dev.bulkhead.kernel.Money;
import dev.bulkhead.order.OrderApi;
import dev.bulkhead.order.OrderId;
import dev.bulkhead.order.OrderPlaced;
import dev.bulkhead.order.OrderStatus;
import dev.bulkhead.order.OrderStatusChanged;
import dev.bulkhead.order.OrderSummary;
import dev.bulkhead.order.OrderView;
import dev.bulkhead.platform.RejectedRequest;
import dev.bulkhead.testing.TestDatabaseConfiguration;
import dev.bulkhead.user.UserApi;
import dev.bulkhead.user.UserId;
import dev.bulkhead.user.UserView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The order module alone, on a real PostgreSQL. The user module is replaced by a stand-in for its
 * published API (the only thing order may use of it); billing is represented by its events.
 */
@ApplicationModuleTest
@Import(TestDatabaseConfiguration.class)
class OrderModuleTests {

    @MockitoBean
    UserApi users;

    @Autowired
    OrderService orders;

    @Autowired
    OrderApi api;

    @Autowired
    DatabaseInspector jdbc;

    @Autowired
    StatusMoves moves;

    @Autowired
    OrderInbox inbox;

    @Autowired
    OrderRepository repository;

    @Autowired
    PlatformTransactionManager transactionManager;

    TransactionTemplate transactions;

    @BeforeEach
    void transactions() {
        transactions = new TransactionTemplate(transactionManager);
    }

    @Test
    void placing_an_order_stores_it_pending_payment_and_publishes_order_placed(AssertablePublishedEvents events) {
        UserId customer = activeCustomer();

        OrderView order = orders.place(customer, "EUR", List.of(new OrderLine("BOOK-1", 2, 1_250), new OrderLine("PEN", 3, 100)));

        assertThat(order.status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(order.total()).isEqualTo(Money.of(2_800, "EUR"));
        assertThat(api.findById(order.id())).hasValueSatisfying(stored -> {
            assertThat(stored.lines()).hasSize(2);
            assertThat(stored.timeline()).singleElement().satisfies(step -> assertThat(step.to()).isEqualTo(OrderStatus.PENDING_PAYMENT));
        });
        assertThat(events).contains(OrderPlaced.class)
                .matching(OrderPlaced::orderId, order.id())
                .matching(OrderPlaced::amount, Money.of(2_800, "EUR"))
                .matching(OrderPlaced::payer, customer);
    }

    @Test
    void an_order_id_tells_when_it_was_placed_and_postgresql_sorts_ids_by_that_time() {
        OrderView order = orders.place(activeCustomer(), "EUR", List.of(new OrderLine("BOOK-1", 1, 1_250)));

        assertThat(order.id().value().version()).isEqualTo(7);
        assertThat(order.id().value().getMostSignificantBits() >>> 16).isEqualTo(order.placedAt().toEpochMilli());
        // ids made at times given in shuffled order come back from PostgreSQL's uuid order in time order
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            times.add(order.placedAt().plusMillis(37L * i * i));
        }
        List<Instant> shuffled = new ArrayList<>(times);
        java.util.Collections.shuffle(shuffled, new java.util.Random(22));
        List<UUID> ids = shuffled.stream().map(TimeOrderedIds::at).toList();
        List<UUID> sorted = jdbc.sql("SELECT id FROM unnest(CAST(? AS uuid[])) AS id ORDER BY id")
                .param(ids.toArray(UUID[]::new)).query(UUID.class).list();
        assertThat(sorted.stream().map(id -> Instant.ofEpochMilli(id.getMostSignificantBits() >>> 16)).toList())
                .isEqualTo(times.stream().map(time -> Instant.ofEpochMilli(time.toEpochMilli())).toList());
    }

    @Test
    void an_order_by_an_unknown_user_is_refused_without_a_write(AssertablePublishedEvents events) {
        UserId stranger = UserId.random();
        given(users.findById(stranger)).willReturn(Optional.empty());
        long before = count();

        assertThatThrownBy(() -> orders.place(stranger, "EUR", List.of(new OrderLine("BOOK-1", 1, 100))))
                .isInstanceOf(RejectedRequest.class)
                .hasMessageContaining("no user");
        assertThat(count()).isEqualTo(before);
        assertThat(events.ofType(OrderPlaced.class)).isEmpty();
    }

    @Test
    void an_order_by_a_deactivated_user_is_refused_without_a_write(AssertablePublishedEvents events) {
        UserId former = UserId.random();
        given(users.findById(former)).willReturn(Optional.of(new UserView(former, "x@example.com", "X", false, Instant.now())));
        long before = count();

        assertThatThrownBy(() -> orders.place(former, "EUR", List.of(new OrderLine("BOOK-1", 1, 100))))
                .isInstanceOf(RejectedRequest.class)
                .hasMessageContaining("deactivated");
        assertThat(count()).isEqualTo(before);
        assertThat(events.ofType(OrderPlaced.class)).isEmpty();
    }

    @Test
    void a_completed_payment_moves_the_order_to_paid_with_the_event_in_its_timeline(Scenario scenario) {
        OrderView order = orders.place(activeCustomer(), "EUR", List.of(new OrderLine("BOOK-1", 1, 500)));
        PaymentCompleted paid = new PaymentCompleted(UUID.randomUUID(), UUID.randomUUID(), order.id().value(), order.userId(),
                order.total(), Instant.now());

        scenario.publish(paid)
                .andWaitForStateChange(() -> api.findById(order.id()).orElseThrow(), o -> o.status() == OrderStatus.PAID)
                .andVerify(settled -> assertThat(settled.timeline()).last().satisfies(step -> {
                    assertThat(step.from()).isEqualTo(OrderStatus.PENDING_PAYMENT);
                    assertThat(step.causeEventId()).isEqualTo(paid.eventId());
                    assertThat(step.cause()).isEqualTo("PaymentCompleted");
                }));
    }

    @Test
    void a_failed_payment_moves_the_order_to_payment_failed(Scenario scenario) {
        OrderView order = orders.place(activeCustomer(), "EUR", List.of(new OrderLine("BOOK-1", 1, 500)));
        PaymentFailed failed = new PaymentFailed(UUID.randomUUID(), UUID.randomUUID(), order.id().value(), order.userId(),
                order.total(), PaymentFailureReason.INSUFFICIENT_FUNDS, Instant.now());

        scenario.publish(failed)
                .andWaitForStateChange(() -> api.findById(order.id()).orElseThrow(), o -> o.status() == OrderStatus.PAYMENT_FAILED)
                .andVerify(settled -> assertThat(settled.timeline()).last()
                        .satisfies(step -> assertThat(step.cause()).contains("INSUFFICIENT_FUNDS")));
    }

    @Test
    void a_settled_order_ignores_a_later_or_repeated_outcome(Scenario scenario) {
        OrderView order = orders.place(activeCustomer(), "EUR", List.of(new OrderLine("BOOK-1", 1, 500)));
        PaymentCompleted paid = new PaymentCompleted(UUID.randomUUID(), UUID.randomUUID(), order.id().value(), order.userId(),
                order.total(), Instant.now());
        scenario.publish(paid)
                .andWaitForStateChange(() -> api.findById(order.id()).orElseThrow(), o -> o.status() == OrderStatus.PAID)
                .andVerify(settled -> assertThat(settled.timeline()).hasSize(2));

        scenario.publish(paid)
                .andWaitForStateChange(() -> completedPublicationsOf(paid.eventId()), count -> count == 2)
                .andVerify(count -> assertThat(api.findById(order.id()).orElseThrow().timeline()).hasSize(2));
    }

    @Test
    void an_inbox_mark_outside_a_handlers_transaction_is_refused_and_not_written() {
        UUID eventId = UUID.randomUUID();

        assertThatThrownBy(() -> inbox.firstDelivery(eventId, "a careless colleague's handler"))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(jdbc.sql("select count(*) from orders.applied_events where event_id = ?").param(eventId)
                .query(Long.class).single()).isZero();
    }

    @Test
    void a_move_in_one_statement_appends_to_the_timeline_and_raises_the_version(AssertablePublishedEvents events) {
        OrderView order = orders.place(activeCustomer(), "EUR", List.of(new OrderLine("BOOK-1", 1, 500)));
        UUID cause = UUID.randomUUID();

        Optional<OrderStatusChanged> moved = transactions.execute(status ->
                moves.make(order.id().value(), Order.PAYMENT_COMPLETED, Instant.now(), cause));

        assertThat(moved).hasValueSatisfying(change -> {
            assertThat(change.orderId()).isEqualTo(order.id());
            assertThat(change.userId()).isEqualTo(order.userId());
            assertThat(change.total()).isEqualTo(Money.of(500, "EUR"));
            assertThat(change.from()).isEqualTo(OrderStatus.PENDING_PAYMENT);
            assertThat(change.to()).isEqualTo(OrderStatus.PAID);
        });
        assertThat(api.findById(order.id()).orElseThrow().timeline()).extracting(OrderView.Transition::to, OrderView.Transition::causeEventId)
                .containsExactly(tuple(OrderStatus.PENDING_PAYMENT, null), tuple(OrderStatus.PAID, cause));
        assertThat(jdbc.sql("select version from orders.orders where id = ?").param(order.id().value()).query(Long.class).single())
                .isEqualTo(1L);
    }

    @Test
    void a_move_in_one_statement_leaves_an_order_in_another_status_alone() {
        OrderView order = orders.place(activeCustomer(), "EUR", List.of(new OrderLine("BOOK-1", 1, 500)));
        transactions.executeWithoutResult(status -> moves.make(order.id().value(), Order.PAYMENT_COMPLETED, Instant.now(), null));

        Optional<OrderStatusChanged> again = transactions.execute(status ->
                moves.make(order.id().value(), Order.paymentFailed("INSUFFICIENT_FUNDS"), Instant.now(), UUID.randomUUID()));

        assertThat(again).isEmpty();
        assertThat(api.findById(order.id()).orElseThrow()).satisfies(stored -> {
            assertThat(stored.status()).isEqualTo(OrderStatus.PAID);
            assertThat(stored.timeline()).hasSize(2);
        });
        Optional<OrderStatusChanged> noOrder = transactions.execute(status ->
                moves.make(UUID.randomUUID(), Order.PAYMENT_COMPLETED, Instant.now(), null));
        assertThat(noOrder).isEmpty();
    }

    @Test
    void an_order_loaded_before_a_move_in_one_statement_cannot_be_saved_over_it() {
        OrderView order = orders.place(activeCustomer(), "EUR", List.of(new OrderLine("BOOK-1", 1, 500)));

        assertThatThrownBy(() -> transactions.executeWithoutResult(outer -> {
            Order stale = repository.findById(order.id().value()).orElseThrow();
            // another transaction pays the order while this one holds it as it was, unlocked
            new TransactionTemplate(transactionManager, requiresNew()).executeWithoutResult(inner ->
                    moves.make(order.id().value(), Order.PAYMENT_COMPLETED, Instant.now(), null));
            stale.expire(Instant.now(), "a careless colleague's job");
            repository.saveAndFlush(stale);
        })).isInstanceOf(ObjectOptimisticLockingFailureException.class);

        assertThat(api.findById(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.PAID);
    }

    private static TransactionDefinition requiresNew() {
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
        definition.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return definition;
    }

    @Test
    void the_batch_queries_read_with_sql_what_the_entity_shows_and_answer_at_most_a_thousand(Scenario scenario) {
        UserId customer = activeCustomer();
        OrderView twoLines = orders.place(customer, "EUR", List.of(new OrderLine("BOOK-1", 2, 500), new OrderLine("PEN-9", 1, 120)));
        OrderView settled = orders.place(customer, "EUR", List.of(new OrderLine("BOOK-2", 1, 700)));
        scenario.publish(new PaymentCompleted(UUID.randomUUID(), UUID.randomUUID(), settled.id().value(), customer, settled.total(),
                        Instant.now()))
                .andWaitForStateChange(() -> api.findById(settled.id()).orElseThrow(), o -> o.status() == OrderStatus.PAID)
                .andVerify(paid -> assertThat(paid.timeline()).hasSize(2));
        List<OrderView> byEntity = List.of(api.findById(twoLines.id()).orElseThrow(), api.findById(settled.id()).orElseThrow());

        assertThat(api.findAllById(List.of(twoLines.id(), settled.id(), new OrderId(UUID.randomUUID()))))
                .containsExactlyInAnyOrderElementsOf(byEntity);
        List<OrderSummary> all = new ArrayList<>();
        for (List<OrderSummary> page = api.findSummariesAfter(null, 1); !page.isEmpty();
                page = api.findSummariesAfter(page.get(0).id(), 1)) {
            all.addAll(page);
        }
        // a summary says what the view says, and its status time is the timeline's last step
        assertThat(all).containsAll(byEntity.stream().map(view -> new OrderSummary(view.id(), view.userId(), view.status(),
                view.timeline().get(view.timeline().size() - 1).at(), view.total(), view.placedAt())).toList());
        assertThat(all).extracting(OrderSummary::id).doesNotHaveDuplicates(); // each page starts after the last
        assertThat(api.findSummariesAfter(null, OrderApi.MAX_BATCH_SIZE)).hasSizeLessThanOrEqualTo(OrderApi.MAX_BATCH_SIZE);
        assertThatThrownBy(() -> api.findSummariesAfter(null, OrderApi.MAX_BATCH_SIZE + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private UserId activeCustomer() {
        UserId id = UserId.random();
        given(users.findById(id)).willReturn(Optional.of(new UserView(id, id + "@example.com", "Customer", true, Instant.now())));
        return id;
    }

    private long count() {
        return jdbc.sql("select count(*) from orders.orders").query(Long.class).single();
    }

    private long completedPublicationsOf(UUID eventId) {
        return jdbc.sql("select count(*) from events.event_publication where serialized_event like ? and completion_date is not null")
                .param("%" + eventId + "%").query(Long.class).single();
    }
}
