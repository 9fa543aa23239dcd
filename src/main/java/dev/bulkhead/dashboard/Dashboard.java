package dev.bulkhead.dashboard;

import dev.bulkhead.billing.BillingSummary;
import dev.bulkhead.order.OrderView;
import dev.bulkhead.user.UserId;
import dev.bulkhead.user.UserView;
import java.util.List;

/**
 * One customer's screen. Each part comes from another module and may be unavailable on its own;
 * {@code complete} says whether every part arrived in time.
 */
public record Dashboard(UserId userId, boolean complete, Part<UserView> profile, Part<BillingSummary> billing,
        Part<List<OrderView>> recentOrders) {

    /**
     * A part of the screen: its data, or why it is missing.
     *
     * @param module the module that owns the data
     * @param reason why the data is missing; null when available
     */
    public record Part<T>(String module, boolean available, T data, String reason) {

        public static <T> Part<T> of(String module, T data) {
            return new Part<>(module, true, data, null);
        }

        public static <T> Part<T> unavailable(String module, String reason) {
            return new Part<>(module, false, null, reason);
        }
    }
}
