package dev.bulkhead.platform.events;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.concurrent.CompletableFuture;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.ClassUtils;
import org.springframework.util.function.SingletonSupplier;

/**
 * Runs inside an event listener's own transaction (the transaction advisor is ordered around it)
 * and, once the listener returned, marks its publication COMPLETED in that transaction (ADR 0021).
 * The persistence context is flushed first, so a constraint or version conflict fails the listener
 * here, as any other error of the listener, rather than at commit after the mark was written.
 * A listener without a writable transaction of its own, or one that completes later (returns a
 * future), is left to Spring Modulith's completion advisor.
 */
final class CompletionInListenerTransaction implements MethodInterceptor {

    // looked up on first use (an advisor is created before these beans exist), then kept: a bean factory lookup
    // per delivery cost more CPU than the flush it serves
    private final SingletonSupplier<InTransactionCompletionRegistry> registry;
    private final SingletonSupplier<EntityManagerFactory> entityManagers;
    private final SingletonSupplier<AsynchronousDeliveryCommit> commits;

    CompletionInListenerTransaction(ObjectProvider<InTransactionCompletionRegistry> registry,
            ObjectProvider<EntityManagerFactory> entityManagers, ObjectProvider<AsynchronousDeliveryCommit> commits) {
        this.registry = SingletonSupplier.of(registry::getObject);
        this.entityManagers = SingletonSupplier.of(entityManagers::getIfAvailable);
        this.commits = SingletonSupplier.of(commits::getObject);
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        Object result = invocation.proceed();
        if (result instanceof CompletableFuture<?> || !runsInItsOwnTransaction(invocation)) {
            return result;
        }
        flushPersistenceContext();
        registry.obtain().completeInCurrentTransaction(invocation.getArguments()[0],
                PublicationTargetIdentifier.of(ListenerIds.of(invocation.getMethod())));
        // the mark commits with the listener's work: a crash that loses both leaves the publication to redeliver
        commits.obtain().relaxCurrentTransaction();
        return result;
    }

    /**
     * A writable transaction that Spring began for this very listener method (it names transactions after
     * the method): not one the listener merely finds bound to the thread, such as the publisher's, whose
     * after-commit phase a synchronous listener runs in.
     */
    private static boolean runsInItsOwnTransaction(MethodInvocation invocation) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            return false;
        }
        Object target = invocation.getThis();
        String listener = ClassUtils.getQualifiedMethodName(invocation.getMethod(),
                target == null ? null : AopUtils.getTargetClass(target));
        return listener.equals(TransactionSynchronizationManager.getCurrentTransactionName());
    }

    private void flushPersistenceContext() {
        EntityManagerFactory factory = entityManagers.get();
        EntityManager entityManager = factory == null ? null : EntityManagerFactoryUtils.getTransactionalEntityManager(factory);
        if (entityManager != null) {
            entityManager.flush();
        }
    }
}
