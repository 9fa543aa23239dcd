package dev.bulkhead.history.internal;

import dev.bulkhead.billing.BillingApi;
import dev.bulkhead.billing.ChargeView;
import dev.bulkhead.history.OrderHistoryEntry;
import dev.bulkhead.kernel.Money;
import dev.bulkhead.order.OrderView;
import dev.bulkhead.user.UserApi;
import dev.bulkhead.user.UserId;
import dev.bulkhead.user.UserView;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What the order history should say about a page of orders, according to the modules that own the
 * data: one batch call to the user module and one to billing per page.
 */
@Component
class OrderHistorySource {

    private final UserApi users;
    private final BillingApi billing;

    OrderHistorySource(UserApi users, BillingApi billing) {
        this.users = users;
        this.billing = billing;
    }

    List<OrderHistoryEntry> expected(List<OrderView> orders) {
        Map<UserId, UserView> customers = users.findAllById(orders.stream().map(OrderView::userId).distinct().toList()).stream()
                .collect(Collectors.toMap(UserView::id, Function.identity()));
        Map<UUID, ChargeView> charges = billing.findCharges(orders.stream().map(order -> order.id().value()).toList()).stream()
                .collect(Collectors.toMap(ChargeView::chargeReference, Function.identity()));
        return orders.stream().map(order -> entry(order, customers.get(order.userId()), charges.get(order.id().value()))).toList();
    }

    private static OrderHistoryEntry entry(OrderView order, UserView customer, ChargeView charge) {
        Money none = Money.zero(order.total().currency());
        Money paid = charge != null && charge.completed() ? charge.amount() : none;
        Money refunded = charge != null ? charge.refunded() : none;
        String failure = charge != null && charge.failureReason() != null ? charge.failureReason().name() : null;
        return new OrderHistoryEntry(order.id(), order.userId(), customer == null ? null : customer.name(),
                customer == null ? null : customer.email(), order.status(), order.total(), paid, refunded, failure,
                order.placedAt());
    }
}
