package dev.bulkhead.dashboard.internal;

import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;
import dev.bulkhead.platform.Caller;
import dev.bulkhead.billing.BillingApi;
import dev.bulkhead.billing.BillingSummary;
import dev.bulkhead.dashboard.Dashboard;
import dev.bulkhead.dashboard.Dashboard.Part;
import dev.bulkhead.order.OrderApi;
import dev.bulkhead.order.OrderView;
import dev.bulkhead.user.UserApi;
import dev.bulkhead.user.UserId;
import dev.bulkhead.user.UserView;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Asks the three modules for their parts at once and assembles whatever arrived by the deadline.
 * A part that fails or outlives its timeout becomes "unavailable" with the reason; it never fails
 * the dashboard.
 */
@Service
class DashboardComposer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DashboardComposer.class);

    private final UserApi users;
    private final BillingApi billing;
    private final OrderApi orders;
    private final DashboardProperties properties;
    /** Parts run as the caller, so each owning module checks the caller's access itself. */
    // the caller's security context and the request's trace go with each part: a part's span is the dashboard's child
    private final ExecutorService executor = new DelegatingSecurityContextExecutorService(
            ContextExecutorService.wrap(PartExecutor.create(), ContextSnapshotFactory.builder().build()));

    DashboardComposer(UserApi users, BillingApi billing, OrderApi orders, DashboardProperties properties) {
        this.users = users;
        this.billing = billing;
        this.orders = orders;
        this.properties = properties;
    }

    /** Empty when the user module answered that there is no such user. */
    Optional<Dashboard> compose(UserId userId) {
        Caller.requireReadAccessTo(userId.value(), "dashboard");
        long deadline = System.nanoTime() + properties.deadline().toNanos();
        CompletableFuture<Part<Optional<UserView>>> profile = fetch("user", () -> users.findById(userId));
        CompletableFuture<Part<Optional<BillingSummary>>> summary = fetch("billing", () -> billing.findSummary(userId));
        CompletableFuture<Part<List<OrderView>>> recent = fetch("order",
                () -> orders.findByUser(userId, 0, properties.recentOrders()));

        Part<Optional<UserView>> profilePart = await(profile, "user", deadline);
        if (profilePart.available() && profilePart.data().isEmpty()) {
            summary.cancel(true);
            recent.cancel(true);
            return Optional.empty();
        }
        Part<BillingSummary> billingPart = present(await(summary, "billing", deadline), "no billing account yet");
        Part<List<OrderView>> ordersPart = await(recent, "order", deadline);
        Part<UserView> userPart = present(profilePart, "no such user");
        boolean complete = userPart.available() && billingPart.available() && ordersPart.available();
        return Optional.of(new Dashboard(userId, complete, userPart, billingPart, ordersPart));
    }

    private <T> CompletableFuture<Part<T>> fetch(String module, Supplier<T> call) {
        Duration timeout = properties.partTimeout();
        try {
            return CompletableFuture.supplyAsync(() -> Part.of(module, call.get()), executor)
                    .completeOnTimeout(Part.unavailable(module, "no answer within " + timeout.toMillis() + " ms"),
                            timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .exceptionally(failure -> Part.unavailable(module, describe(failure)));
        } catch (RuntimeException rejected) {
            return CompletableFuture.completedFuture(Part.unavailable(module, "too many dashboards in flight"));
        }
    }

    private <T> Part<T> await(CompletableFuture<Part<T>> part, String module, long deadline) {
        long left = Math.max(0, deadline - System.nanoTime());
        try {
            return part.get(left, TimeUnit.NANOSECONDS);
        } catch (TimeoutException late) {
            part.cancel(true);
            return Part.unavailable(module, "the dashboard's deadline of " + properties.deadline().toMillis() + " ms passed");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Part.unavailable(module, "interrupted");
        } catch (ExecutionException impossible) {
            return Part.unavailable(module, describe(impossible.getCause()));
        }
    }

    private static <T> Part<T> present(Part<Optional<T>> part, String whenEmpty) {
        if (!part.available()) {
            return Part.unavailable(part.module(), part.reason());
        }
        return part.data().map(data -> Part.of(part.module(), data)).orElseGet(() -> Part.unavailable(part.module(), whenEmpty));
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        log.warn("Dashboard part failed: {}", cause.toString());
        return "the module failed to answer (" + cause.getClass().getSimpleName() + ")";
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
