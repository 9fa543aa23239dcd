package dev.bulkhead.platform.observability;

import dev.bulkhead.platform.modules.DeclaredModules;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.function.SingletonSupplier;

/**
 * Counts the deliveries a module's inbox recognised as repeats ({@value #NAME}, tagged with the module): every
 * module makes its listeners idempotent with an inbox whose {@code boolean firstDelivery(...)} answers false for
 * an event it applied before (ADR 0011). A rising count means redeliveries (retries racing slow deliveries,
 * recovered crashes, operators' resubmissions), harmless but worth knowing. Counted here, around the inboxes, so
 * that no module has to.
 */
final class InboxDuplicates implements MethodInterceptor {

    static final String NAME = "bulkhead.events.duplicates";
    static final String INBOX_METHOD = "firstDelivery";

    private final SingletonSupplier<MeterRegistry> meters;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    InboxDuplicates(ObjectProvider<MeterRegistry> meters) {
        this.meters = SingletonSupplier.of(meters::getObject);
    }

    @Override
    public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
        Object first = invocation.proceed();
        if (Boolean.FALSE.equals(first) && invocation.getThis() != null) {
            String module = ModuleOfRequest.of(AopUtils.getTargetClass(invocation.getThis()));
            counters.computeIfAbsent(module, name -> Counter.builder(NAME).tag(ModuleSteps.MODULE, name)
                    .description("Event deliveries a module's inbox recognised as already applied").register(meters.obtain()))
                    .increment();
        }
        return first;
    }

    /** The inboxes: {@code boolean firstDelivery(...)} of a business module's bean. */
    static final class Inboxes extends StaticMethodMatcherPointcut {

        @Override
        public boolean matches(Method method, Class<?> targetClass) {
            return method.getName().equals(INBOX_METHOD) && method.getReturnType() == boolean.class
                    && DeclaredModules.application().moduleOf(targetClass.getName()).isPresent();
        }
    }
}
