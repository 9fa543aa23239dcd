package dev.bulkhead.platform.events;

import java.time.Duration;
import java.util.Collection;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.modulith.events.core.DefaultEventPublicationRegistry;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.Staleness;
import org.springframework.modulith.events.core.TargetEventPublication;

/**
 * Spring Modulith's event publication registry as Bulkhead uses it (ADR 0021). Modulith writes
 * each delivery's bookkeeping in transactions of its own: one that marks the publication
 * PROCESSING before the listener runs and one that marks it COMPLETED after the listener's
 * transaction committed, two transactions around every delivery. Here:
 * <ul>
 * <li>the PROCESSING mark is not written: a delivery in progress stays PUBLISHED (or RESUBMITTED),
 * and the retry job judges an unfinished delivery by its age alone, whatever its status;</li>
 * <li>a listener that runs in a transaction of its own gets its publication marked COMPLETED inside
 * that transaction ({@link CompletionInListenerTransaction}), so the listener's work and the mark
 * commit or roll back together; the mark Modulith then asks for after the commit is already done.</li>
 * </ul>
 * A listener without a transaction of its own (the broker externalizer) is completed and failed as
 * Modulith does, in a transaction of the registry's. Everything else is Modulith's registry.
 * <p>Own code because Modulith 2.1 has no way to complete in the listener's transaction (no completion mode or
 * listener setting does it; spring-modulith#485 asks for it). It unwraps Modulith's registry rather than calling
 * its repository SPI, because the registry also keeps the deliveries in progress and forgets them on completion.
 */
final class InTransactionCompletionRegistry implements EventPublicationRegistry {

    /** The delivery this thread completed inside its listener's transaction; identity, as Modulith keys them. */
    private static final ThreadLocal<CompletedDelivery> COMPLETED_IN_LISTENER_TRANSACTION = new ThreadLocal<>();

    private final EventPublicationRegistry registry;
    private final DefaultEventPublicationRegistry joiningCurrentTransaction;

    /**
     * @param registry Modulith's registry bean; its state transitions run in transactions of their own
     *        (it is proxied with {@code REQUIRES_NEW}), the unproxied object runs in the caller's
     */
    InTransactionCompletionRegistry(DefaultEventPublicationRegistry registry) {
        this.registry = registry;
        Object target = AopProxyUtils.getSingletonTarget(registry);
        this.joiningCurrentTransaction = target instanceof DefaultEventPublicationRegistry unproxied ? unproxied : registry;
    }

    /**
     * Marks the delivery of {@code event} to the listener COMPLETED on the current transaction's
     * connection: called by the listener's transaction after the listener returned.
     */
    void completeInCurrentTransaction(Object event, PublicationTargetIdentifier listener) {
        joiningCurrentTransaction.markCompleted(event, listener);
        COMPLETED_IN_LISTENER_TRANSACTION.set(new CompletedDelivery(event, listener));
    }

    @Override
    public void markProcessing(Object event, PublicationTargetIdentifier identifier) {
        // deliberately not written: see the class comment
    }

    @Override
    public void markCompleted(Object event, PublicationTargetIdentifier identifier) {
        if (!completedInListenerTransaction(event, identifier)) {
            registry.markCompleted(event, identifier);
        }
    }

    /**
     * A listener failed, or its transaction failed to commit. In the second case the completion
     * written in that transaction rolled back with it, and Modulith no longer holds the publication
     * as in progress: it stays unfinished and the retry job fails it as abandoned after
     * {@code stale-after}. Flushing before the mark ({@link CompletionInListenerTransaction}) leaves
     * that case to failures of the commit itself.
     */
    @Override
    public void markFailed(Object event, PublicationTargetIdentifier identifier) {
        completedInListenerTransaction(event, identifier);
        registry.markFailed(event, identifier);
    }

    private static boolean completedInListenerTransaction(Object event, PublicationTargetIdentifier identifier) {
        CompletedDelivery completed = COMPLETED_IN_LISTENER_TRANSACTION.get();
        if (completed == null || !completed.is(event, identifier)) {
            return false;
        }
        COMPLETED_IN_LISTENER_TRANSACTION.remove();
        return true;
    }

    @Override
    public Collection<TargetEventPublication> store(Object event, Stream<PublicationTargetIdentifier> listeners) {
        return registry.store(event, listeners);
    }

    @Override
    public Collection<TargetEventPublication> findIncompletePublications() {
        return registry.findIncompletePublications();
    }

    @Override
    public Collection<TargetEventPublication> findIncompletePublicationsOlderThan(Duration duration) {
        return registry.findIncompletePublicationsOlderThan(duration);
    }

    @Override
    public void deleteCompletedPublicationsOlderThan(Duration duration) {
        registry.deleteCompletedPublicationsOlderThan(duration);
    }

    @Override
    public void processIncompletePublications(Predicate<EventPublication> filter, Consumer<TargetEventPublication> consumer,
            @Nullable Duration duration) {
        registry.processIncompletePublications(filter, consumer, duration);
    }

    @Override
    public void processFailedPublications(ResubmissionOptions options, Consumer<TargetEventPublication> consumer) {
        registry.processFailedPublications(options, consumer);
    }

    @Override
    public void markStalePublicationsFailed(Staleness staleness) {
        registry.markStalePublicationsFailed(staleness);
    }

    private record CompletedDelivery(Object event, PublicationTargetIdentifier listener) {

        boolean is(Object otherEvent, PublicationTargetIdentifier otherListener) {
            return event == otherEvent && listener.equals(otherListener);
        }
    }
}
