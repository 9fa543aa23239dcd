package dev.bulkhead.platform.events;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.modulith.events.core.DefaultEventPublicationRegistry;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.Staleness;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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

    private static final Logger log = LoggerFactory.getLogger(InTransactionCompletionRegistry.class);

    /** The delivery this thread completed inside its listener's transaction; identity, as Modulith keys them. */
    private static final ThreadLocal<CompletedDelivery> COMPLETED_IN_LISTENER_TRANSACTION = new ThreadLocal<>();

    private final EventPublicationRegistry registry;
    private final DefaultEventPublicationRegistry joiningCurrentTransaction;
    private final UnrecordedOutcomes outcomes;

    /**
     * @param registry Modulith's registry bean; its state transitions run in transactions of their own
     *        (it is proxied with {@code REQUIRES_NEW}), the unproxied object runs in the caller's
     */
    InTransactionCompletionRegistry(DefaultEventPublicationRegistry registry) {
        this.registry = registry;
        this.outcomes = new UnrecordedOutcomes();
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
            try {
                registry.markCompleted(event, identifier);
            } catch (RuntimeException unrecorded) {
                log.warn("Could not mark the delivery of {} to {} completed ({}); will again once the database answers",
                        event.getClass().getSimpleName(), identifier.getValue(), unrecorded.toString());
                outcomes.completed(event, identifier);
            }
        }
    }

    /**
     * A listener failed, or its transaction failed to commit. In the second case the completion
     * written in that transaction rolled back with it, unless the commit did happen after all, and
     * Modulith, which forgot the delivery when it was marked completed, has nothing to fail: the
     * publication is failed by its event on the retry job's next run, if it is still unfinished
     * ({@link UnrecordedOutcomes}); until issue 23 it waited for the sweep of abandoned deliveries. When
     * the FAILED mark of a listener's own failure cannot be written, because the database is away, it
     * is remembered and written once the database answers (ADR 0035). Flushing before the mark
     * ({@link CompletionInListenerTransaction}) leaves the second case to failures of the commit itself.
     */
    @Override
    public void markFailed(Object event, PublicationTargetIdentifier identifier) {
        if (completedInListenerTransaction(event, identifier)) {
            // the listener's transaction marked it completed and then failed at its commit: Modulith forgot the delivery
            // with that mark, so its markFailed would do nothing; the retry job fails it by its event (ADR 0035)
            outcomes.completionRolledBack(event, identifier);
            return;
        }
        try {
            registry.markFailed(event, identifier);
        } catch (RuntimeException unrecorded) {
            // the listener's connection and the registry's failed together (the database restarted): remembered here,
            // the failure is recorded once the database answers, and the delivery retried on the normal back-off
            log.warn("Could not mark the delivery of {} to {} failed ({}); will again once the database answers",
                    event.getClass().getSimpleName(), identifier.getValue(), unrecorded.toString());
            outcomes.failed(event, identifier);
        }
    }

    /**
     * Tells Modulith's registry what it could not be told during an outage ({@link UnrecordedOutcomes}); the retry
     * job calls it on every run, before anything else.
     *
     * @return how many outcomes were recorded
     */
    int recordUnrecordedOutcomes(PublicationRegistry publications, EventSerializer serializer, Instant now, Duration staleAfter) {
        return outcomes.size() == 0 ? 0 : outcomes.recordAll(registry, publications, serializer, now, staleAfter);
    }

    private static boolean completedInListenerTransaction(Object event, PublicationTargetIdentifier identifier) {
        CompletedDelivery completed = COMPLETED_IN_LISTENER_TRANSACTION.get();
        if (completed == null || !completed.is(event, identifier)) {
            return false;
        }
        COMPLETED_IN_LISTENER_TRANSACTION.remove();
        return true;
    }

    /**
     * Stores the publications in the publisher's transaction, as Modulith does, and watches that transaction's end:
     * when its commit fails without telling whether it happened, the publications may exist without anybody
     * delivering them, and {@link UnrecordedOutcomes} makes sure they are delivered (ADR 0035).
     */
    @Override
    public Collection<TargetEventPublication> store(Object event, Stream<PublicationTargetIdentifier> listeners) {
        Collection<TargetEventPublication> stored = registry.store(event, listeners);
        if (!stored.isEmpty() && TransactionSynchronizationManager.isSynchronizationActive()) {
            List<UUID> ids = stored.stream().map(TargetEventPublication::getIdentifier).toList();
            TransactionSynchronizationManager.registerSynchronization(new CommitWatch(ids));
        }
        return stored;
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

    /**
     * Notes the publications of a transaction whose commit was attempted and failed. Spring reports such an end as
     * rolled back when the rollback that follows does not fail (Hibernate had already given the transaction up),
     * although PostgreSQL may have committed before the connection broke; a rollback before any commit attempt (the
     * publisher threw) is a real one and is ignored.
     */
    private final class CommitWatch implements TransactionSynchronization {

        private final List<UUID> publications;
        private boolean commitAttempted;

        CommitWatch(List<UUID> publications) {
            this.publications = publications;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            commitAttempted = true;
        }

        @Override
        public void afterCompletion(int status) {
            if (status == STATUS_UNKNOWN || (status == STATUS_ROLLED_BACK && commitAttempted)) {
                publications.forEach(outcomes::commitUnknown);
            }
        }
    }

    private record CompletedDelivery(Object event, PublicationTargetIdentifier listener) {

        boolean is(Object otherEvent, PublicationTargetIdentifier otherListener) {
            return event == otherEvent && listener.equals(otherListener);
        }
    }
}
