package dev.bulkhead.order.internal;

import dev.bulkhead.order.OrderExpired;
import dev.bulkhead.order.OrderStatus;
import dev.bulkhead.platform.ClusterLock;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Expires orders that waited longer than {@code bulkhead.order.payment-timeout} for their payment,
 * and announces each with {@link OrderExpired}, which makes billing give back (or never take) the
 * money. Runs on one instance at a time ({@link ClusterLock}); each order is expired in its own
 * transaction under the order's row lock, so a payment arriving at the same moment either wins
 * (the order is PAID and not expired) or is refunded.
 */
@Component
class OrderExpiry {

    static final String JOB = "order-expiry";

    private static final Logger log = LoggerFactory.getLogger(OrderExpiry.class);

    private final OrderRepository orders;
    private final OrderProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final ClusterLock clusterLock;
    private final Clock clock;

    OrderExpiry(OrderRepository orders, OrderProperties properties, ApplicationEventPublisher events,
            TransactionTemplate transactions, ClusterLock clusterLock, Clock clock) {
        this.orders = orders;
        this.properties = properties;
        this.events = events;
        this.transactions = transactions;
        this.clusterLock = clusterLock;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = OrderProperties.EXPIRY_CHECK_INTERVAL, initialDelayString = OrderProperties.EXPIRY_CHECK_INTERVAL)
    void onSchedule() {
        clusterLock.runExclusively(JOB, this::expireOverdueOrders);
    }

    /** Expires one batch of overdue orders. @return how many expired */
    int expireOverdueOrders() {
        Instant cutoff = clock.instant().minus(properties.paymentTimeout());
        List<UUID> overdue = orders.findIdsByStatusPlacedBefore(OrderStatus.PENDING_PAYMENT, cutoff,
                Limit.of(properties.expiryBatchSize()));
        int expired = 0;
        for (UUID id : overdue) {
            if (Boolean.TRUE.equals(transactions.execute(status -> expire(id)))) {
                expired++;
            }
        }
        if (expired > 0) {
            log.info("Expired {} order(s) unpaid for more than {}", expired, properties.paymentTimeout());
        }
        return expired;
    }

    private boolean expire(UUID id) {
        return orders.findForUpdate(id).filter(order -> {
            Instant now = clock.instant();
            if (!order.expire(now, "Payment timeout (" + properties.paymentTimeout() + ")")) {
                return false; // paid or refused while we were looking
            }
            orders.save(order); // publishes the order's OrderStatusChanged
            events.publishEvent(new OrderExpired(UUID.randomUUID(), order.id(), order.userId(), order.total(), now));
            return true;
        }).isPresent();
    }
}
