package dev.bulkhead.order.internal;

import dev.bulkhead.kernel.Money;
import dev.bulkhead.order.OrderId;
import dev.bulkhead.order.OrderStatus;
import dev.bulkhead.order.OrderView;
import dev.bulkhead.user.UserApi;
import dev.bulkhead.user.UserId;
import dev.bulkhead.user.UserView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Order lists with each customer's name and email. The customers of a whole page are fetched from
 * the user module in one batch call, never one call per row, so a page costs the same number of
 * statements whatever its size (no N+1 across the module boundary).
 */
@Service
class OrderListing {

    private final OrderService orders;
    private final UserApi users;

    OrderListing(OrderService orders, UserApi users) {
        this.orders = orders;
        this.users = users;
    }

    List<ListedOrder> page(Optional<UserId> customer, int page, int size) {
        List<OrderView> rows = customer.map(id -> orders.findByUser(id, page, size)).orElseGet(() -> orders.findRecent(page, size));
        List<UserId> customerIds = rows.stream().map(OrderView::userId).distinct().toList();
        Map<UserId, UserView> customers = users.findAllById(customerIds).stream()
                .collect(Collectors.toMap(UserView::id, Function.identity()));
        return rows.stream().map(row -> ListedOrder.of(row, customers.get(row.userId()))).toList();
    }

    /** One row of an order list; {@code customer} is null if the user module no longer knows the user. */
    record ListedOrder(OrderId id, OrderStatus status, Money total, Instant placedAt, Customer customer) {

        static ListedOrder of(OrderView order, UserView user) {
            return new ListedOrder(order.id(), order.status(), order.total(), order.placedAt(),
                    user == null ? null : new Customer(user.id(), user.name(), user.email()));
        }
    }

    record Customer(UserId id, String name, String email) {
    }
}
