package dev.bulkhead.platform.observability;

import dev.bulkhead.platform.Step;
import dev.bulkhead.platform.modules.DeclaredModules;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.interceptor.TransactionAttribute;
import org.springframework.transaction.interceptor.TransactionAttributeSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.function.SingletonSupplier;

/**
 * A span per transaction a module begins ({@code order place}, {@code user findById} when order asks the user
 * module): the unit in which a module works, with its own connection and role (ADR 0006), so a trace shows which
 * module held the time. A method that joins a transaction already in progress is part of that step and gets no
 * span of its own. Event listeners are steps too, but of a delivery, whose trace comes with the event: the
 * events platform observes them ({@code DeliverySteps}).
 */
final class ModuleTransactionSteps implements MethodInterceptor {

    private final TransactionAttributeSource transactions;
    private final SingletonSupplier<ModuleSteps> steps;
    /** The module and step of each advised method of each bean class, found once. */
    private final Map<Advised, Optional<String>> modules = new ConcurrentHashMap<>();
    private final Map<Method, String> stepNames = new ConcurrentHashMap<>();

    ModuleTransactionSteps(TransactionAttributeSource transactions, ObjectProvider<ModuleSteps> steps) {
        this.transactions = transactions;
        this.steps = SingletonSupplier.of(steps::getObject);
    }

    @Override
    public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
        Class<?> target = invocation.getThis() == null ? invocation.getMethod().getDeclaringClass()
                : AopUtils.getTargetClass(invocation.getThis());
        TransactionAttribute transaction = transactions.getTransactionAttribute(invocation.getMethod(), target);
        Optional<String> module = modules.computeIfAbsent(new Advised(invocation.getMethod(), target),
                advised -> DeclaredModules.application().moduleOf(advised.target().getName()).map(DeclaredModules.DeclaredModule::name));
        if (transaction == null || module.isEmpty() || !beginsTransaction(transaction)) {
            return invocation.proceed();
        }
        String step = stepNames.computeIfAbsent(invocation.getMethod(), ModuleTransactionSteps::stepOf);
        return steps.obtain().observation(ModuleStepContext.within(module.get(), step)).observeChecked(invocation::proceed);
    }

    private static boolean beginsTransaction(TransactionAttribute transaction) {
        return switch (transaction.getPropagationBehavior()) {
            case TransactionDefinition.PROPAGATION_REQUIRES_NEW -> true;
            case TransactionDefinition.PROPAGATION_REQUIRED, TransactionDefinition.PROPAGATION_NESTED ->
                    !TransactionSynchronizationManager.isActualTransactionActive();
            default -> false;
        };
    }

    private record Advised(Method method, Class<?> target) {
    }

    static String stepOf(Method method) {
        Step step = AnnotatedElementUtils.findMergedAnnotation(method, Step.class);
        return step == null ? method.getName() : step.value();
    }

    /** Transactional methods of business modules' beans, event listeners excepted. */
    static final class ModuleTransactions extends StaticMethodMatcherPointcut {

        private final TransactionAttributeSource transactions;

        ModuleTransactions(TransactionAttributeSource transactions) {
            this.transactions = transactions;
        }

        static ModuleTransactions annotated() {
            // non-public methods too, as Spring's own transaction advisor reads them (modules keep their services package-private)
            return new ModuleTransactions(new AnnotationTransactionAttributeSource(false));
        }

        TransactionAttributeSource source() {
            return transactions;
        }

        @Override
        public boolean matches(Method method, Class<?> targetClass) {
            return DeclaredModules.application().moduleOf(targetClass.getName()).isPresent()
                    && AnnotatedElementUtils.findMergedAnnotation(method, TransactionalEventListener.class) == null
                    && transactions.getTransactionAttribute(method, targetClass) != null;
        }
    }
}
