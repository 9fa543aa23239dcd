package dev.bulkhead.order.internal;

import dev.bulkhead.kernel.Money;
import dev.bulkhead.order.OrderId;
import dev.bulkhead.order.OrderStatus;
import dev.bulkhead.order.OrderStatusChanged;
import dev.bulkhead.order.OrderView;
import dev.bulkhead.user.UserId;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jmolecules.ddd.annotation.AggregateRoot;
import org.springframework.data.domain.AfterDomainEventPublication;
import org.springframework.data.domain.DomainEvents;
import org.springframework.data.domain.Persistable;

/**
 * An order and its lines. The customer is held as a {@link UserId} value: the user belongs to
 * another module and is never loaded from here. Every status change appends to the timeline, naming
 * what caused it; a change that does not fit the current status is refused, so a redelivered or
 * overtaken event changes nothing.
 */
@Entity
@Table(schema = OrderSchema.NAME, name = "orders")
@AggregateRoot
class Order implements Persistable<UUID> {

    static final String CANCEL_CAUSE = "CancelOrder request";

    /** Billing took the money for a pending order: the saga's common path, also made by {@link StatusMoves}. */
    static final StatusMove PAYMENT_COMPLETED = new StatusMove(OrderStatus.PENDING_PAYMENT, OrderStatus.PAID, "PaymentCompleted");

    /** Billing refused the charge of a pending order; also made by {@link StatusMoves}. */
    static StatusMove paymentFailed(String reason) {
        return new StatusMove(OrderStatus.PENDING_PAYMENT, OrderStatus.PAYMENT_FAILED, "PaymentFailed (" + reason + ")");
    }

    /**
     * A status change that depends on nothing but the status the order is in. The aggregate makes it
     * here, and {@link StatusMoves} makes the same change as one guarded statement without loading the
     * order; both read the rule from this one value.
     */
    record StatusMove(OrderStatus from, OrderStatus to, String cause) {
    }

    @Id
    private UUID id;

    @Convert(converter = UserIdConverter.class)
    @Column(name = "user_id", nullable = false)
    private UserId userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrderStatus status;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(name = "total_minor", nullable = false)
    private long totalMinor;

    @Column(name = "placed_at", nullable = false)
    private Instant placedAt;

    // loaded when a view needs them (in batches, for a page of orders); a status change does not
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(schema = OrderSchema.NAME, name = "order_lines", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "line_no")
    private List<OrderLine> lines = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(schema = OrderSchema.NAME, name = "order_transitions", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "seq")
    private List<OrderTransition> timeline = new ArrayList<>();

    @Version
    private Long version;

    /** Status changes not yet published; never stored. */
    @Transient
    private final List<OrderStatusChanged> statusChanges = new ArrayList<>();

    protected Order() {
    }

    Order(UserId userId, String currency, List<OrderLine> lines, Instant placedAt, String cause) {
        this.id = TimeOrderedIds.at(placedAt); // sorts by placement: a page of ids is a stretch of time (ADR 0041)
        this.userId = userId;
        this.currency = currency;
        this.lines = new ArrayList<>(lines);
        this.totalMinor = lines.stream().map(line -> line.total(currency)).reduce(Money.zero(currency), Money::plus).minorUnits();
        this.placedAt = placedAt;
        this.status = OrderStatus.PENDING_PAYMENT;
        this.timeline.add(new OrderTransition(null, OrderStatus.PENDING_PAYMENT, placedAt, cause, null));
    }

    OrderId id() {
        return new OrderId(id);
    }

    UserId userId() {
        return userId;
    }

    OrderStatus status() {
        return status;
    }

    Money total() {
        return Money.of(totalMinor, currency);
    }

    Instant placedAt() {
        return placedAt;
    }

    /**
     * Billing took the money: a pending order is PAID. An order that expired meanwhile waits for the
     * refund billing makes because of its {@code OrderExpired}.
     *
     * @return whether the order moved; false for a redelivered or overtaken event
     */
    boolean paymentCompleted(Instant at, UUID causeEventId) {
        if (status == PAYMENT_COMPLETED.from()) {
            return move(PAYMENT_COMPLETED, at, causeEventId);
        }
        if (status == OrderStatus.EXPIRED) {
            return moveTo(OrderStatus.REFUND_PENDING, at, "PaymentCompleted after expiry: billing refunds it", causeEventId);
        }
        return false;
    }

    /** Billing refused the charge: a pending order is PAYMENT_FAILED; any other order stays where it is. */
    boolean paymentFailed(String reason, Instant at, UUID causeEventId) {
        StatusMove failed = paymentFailed(reason);
        return status == failed.from() && move(failed, at, causeEventId);
    }

    /**
     * Billing gave the money back. Reached from REFUND_PENDING, or straight from EXPIRED when the
     * refund's event overtakes the late payment's.
     */
    boolean paymentRefunded(Instant at, UUID causeEventId) {
        if (status != OrderStatus.REFUND_PENDING && status != OrderStatus.EXPIRED) {
            return false;
        }
        return moveTo(OrderStatus.REFUNDED, at, "PaymentRefunded", causeEventId);
    }

    /** A paid order is cancelled and waits for its refund. */
    boolean cancel(Instant at) {
        if (status != OrderStatus.PAID) {
            return false;
        }
        return moveTo(OrderStatus.REFUND_PENDING, at, CANCEL_CAUSE, null);
    }

    /** A pending order that was not paid in time expires. */
    boolean expire(Instant at, String cause) {
        if (status != OrderStatus.PENDING_PAYMENT) {
            return false;
        }
        return moveTo(OrderStatus.EXPIRED, at, cause, null);
    }

    /** Whether the customer cancelled this order, so that repeating the request can answer the same. */
    boolean wasCancelled() {
        return timeline.stream().anyMatch(step -> CANCEL_CAUSE.equals(step.cause()));
    }

    private boolean move(StatusMove move, Instant at, UUID causeEventId) {
        return moveTo(move.to(), at, move.cause(), causeEventId);
    }

    private boolean moveTo(OrderStatus to, Instant at, String cause, UUID causeEventId) {
        timeline.add(new OrderTransition(status, to, at, cause, causeEventId));
        statusChanges.add(new OrderStatusChanged(UUID.randomUUID(), id(), userId, status, to, total(), cause, at));
        status = to;
        return true;
    }

    /** Published by Spring Data when the order is saved: one event per timeline entry added since. */
    @DomainEvents
    List<OrderStatusChanged> statusChanges() {
        return List.copyOf(statusChanges);
    }

    @AfterDomainEventPublication
    void statusChangesPublished() {
        statusChanges.clear();
    }

    OrderView toView() {
        return new OrderView(id(), userId, status, total(), lines.stream().map(line -> line.toView(currency)).toList(),
                placedAt, timeline.stream().map(OrderTransition::toView).toList());
    }

    /**
     * Spring Data asks this on every save. Without it, it reads the version through a bean property this class does not
     * have, and pays for an exception on each save before falling back to the field.
     */
    @Override
    public boolean isNew() {
        return version == null;
    }

    @Override
    public UUID getId() {
        return id;
    }
}
