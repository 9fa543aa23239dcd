package dev.bulkhead.history.internal;

import dev.bulkhead.billing.BillingApi;
import dev.bulkhead.billing.ChargeView;
import dev.bulkhead.history.OrderHistoryEntry;
import dev.bulkhead.kernel.Money;
import dev.bulkhead.order.OrderApi;
import dev.bulkhead.order.OrderId;
import dev.bulkhead.order.OrderSummary;
import dev.bulkhead.user.UserApi;
import dev.bulkhead.user.UserId;
import dev.bulkhead.user.UserView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What the order history should say, according to the modules that own the data, asked outside any transaction of this
 * module (they may answer over HTTP, ADR 0027): about a range of orders, one batch call each to the order module and
 * billing per page; about a range of customers, one call to the user module. The orders' entries leave the customer's
 * name and email out: an order's row holds only the user's id, and the customers are copied once each (ADR 0043).
 */
@Component
class OrderHistorySource {

    private final OrderApi orders;
    private final UserApi users;
    private final BillingApi billing;
    private final OrderHistoryStore store;
    private final HistoryTransactions transactions;

    OrderHistorySource(OrderApi orders, UserApi users, BillingApi billing, OrderHistoryStore store,
            HistoryTransactions transactions) {
        this.orders = orders;
        this.users = users;
        this.billing = billing;
        this.store = store;
        this.transactions = transactions;
    }

    /** The orders after {@code after} (from the first when null), at most {@code size}, and what they should say. */
    SourceRange range(@Nullable OrderId after, int size) {
        Instant readFrom = transactions.inTransaction(store::databaseNow);
        List<OrderSummary> page = orders.findSummariesAfter(after, size);
        UUID upTo = page.size() < size ? null : page.get(page.size() - 1).id().value();
        return new SourceRange(after == null ? null : after.value(), upTo, readFrom, expected(page),
                page.stream().map(OrderSummary::statusAt).toList());
    }

    /** The users after {@code after} (from the first when null), at most {@code size}: the customers as they should be. */
    CustomerRange customers(@Nullable UserId after, int size) {
        Instant readFrom = transactions.inTransaction(store::databaseNow);
        List<UserView> page = users.findPageAfter(after, size);
        UUID upTo = page.size() < size ? null : page.get(page.size() - 1).id().value();
        return new CustomerRange(after == null ? null : after.value(), upTo, readFrom, page);
    }

    private List<OrderHistoryEntry> expected(List<OrderSummary> orders) {
        if (orders.isEmpty()) {
            return List.of();
        }
        Map<UUID, ChargeView> charges = billing.findCharges(orders.stream().map(order -> order.id().value()).toList()).stream()
                .collect(Collectors.toMap(ChargeView::chargeReference, Function.identity()));
        return orders.stream().map(order -> entry(order, charges.get(order.id().value()))).toList();
    }

    private static OrderHistoryEntry entry(OrderSummary order, @Nullable ChargeView charge) {
        Money none = Money.zero(order.total().currency());
        Money paid = charge != null && charge.completed() ? charge.amount() : none;
        Money refunded = charge != null ? charge.refunded() : none;
        String failure = charge != null && charge.failureReason() != null ? charge.failureReason().name() : null;
        return new OrderHistoryEntry(order.id(), order.userId(), null, null, order.status(), order.total(), paid, refunded,
                failure, order.placedAt());
    }
}
