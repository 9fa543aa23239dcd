package dev.bulkhead.platform.events;

import dev.bulkhead.platform.observability.ModuleSteps;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import jakarta.persistence.EntityManagerFactory;
import java.lang.reflect.Method;
import java.time.Clock;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.modulith.events.core.DefaultEventPublicationRegistry;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ EventRetryProperties.class, DeliveryBacklogProperties.class, DeliveryCommitProperties.class,
        DeliveryTracingProperties.class })
@EnableTransactionManagement(proxyTargetClass = true, order = EventsConfiguration.TRANSACTIONS)
class EventsConfiguration {

    /**
     * Where transactions sit among the advisors around a bean: inside every other (Spring Modulith's
     * completion advisor, the failure recorder below), except the one that must write in the
     * listener's own transaction. Spring Boot would configure the same transaction management with
     * the default, unspecified, order.
     */
    static final int TRANSACTIONS = Ordered.LOWEST_PRECEDENCE - 1;

    /** Modulith's registry, with a delivery's completion written in the listener's transaction (ADR 0021). */
    @Bean
    @Primary
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static InTransactionCompletionRegistry inTransactionCompletionRegistry(DefaultEventPublicationRegistry modulithRegistry) {
        return new InTransactionCompletionRegistry(modulithRegistry);
    }

    /** The trace each event was published in, for its deliveries (ADR 0032). */
    @Bean
    static EventTraces eventTraces(ObjectProvider<Tracer> tracer, Clock clock) {
        return new EventTraces(tracer, clock);
    }

    /** Events as JSON with the application's mapper (Spring Modulith backs off when this bean exists). */
    @Bean
    static JsonEventSerializer jsonEventSerializer(ObjectProvider<JsonMapper> mapper, EventTraces traces) {
        return new JsonEventSerializer(mapper, traces);
    }

    /**
     * Observes each delivery as a step of the listening module, in its publisher's trace (ADR 0032). Ordered inside
     * Spring Modulith's completion advisor ({@code HIGHEST_PRECEDENCE + 10}) and outside the failure recorder and
     * the listener's transaction, so the span covers the listener's whole work, its commit and its failure.
     */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor deliveryStepsAdvisor(ObjectProvider<EventTraces> traces, ObjectProvider<ModuleSteps> steps,
            ObjectProvider<Tracer> tracer, ObjectProvider<DeliveryTracingProperties> properties, ObjectProvider<Clock> clock) {
        var advisor = new DefaultPointcutAdvisor(new AfterCommitListeners(),
                new DeliverySteps(traces, steps, tracer, properties, clock));
        advisor.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
        return advisor;
    }

    /** The registry's backlog per module, for operators' dashboards (ADR 0031). */
    @Bean
    RegistryMeters registryMeters(PublicationRegistry registry, EventRetryProperties retry, Clock clock, MeterRegistry meters) {
        return new RegistryMeters(registry, retry, clock, meters);
    }

    /** Marks a delivery completed in the listener's own transaction, just before it commits. */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor completionInListenerTransactionAdvisor(ObjectProvider<InTransactionCompletionRegistry> registry,
            ObjectProvider<EntityManagerFactory> entityManagers, ObjectProvider<AsynchronousDeliveryCommit> commits) {
        var advisor = new DefaultPointcutAdvisor(new AfterCommitListeners(),
                new CompletionInListenerTransaction(registry, entityManagers, commits));
        advisor.setOrder(Ordered.LOWEST_PRECEDENCE);
        return advisor;
    }

    /**
     * Records listener failures. Ordered inside Spring Modulith's completion advisor (which marks the
     * publication failed) and outside the listener's transaction (so the error is written after the
     * rollback, on its own connection).
     */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor listenerFailureRecordingAdvisor(ObjectProvider<PublicationRegistry> registry,
            ObjectProvider<Clock> clock) {
        var pointcut = new AnnotationMatchingPointcut(null, TransactionalEventListener.class, true);
        var advisor = new DefaultPointcutAdvisor(pointcut, new LazyInterceptor(registry, clock));
        advisor.setOrder(0);
        return advisor;
    }

    /** The listeners whose deliveries the registry tracks: transactional, after the publisher's commit. */
    private static final class AfterCommitListeners extends StaticMethodMatcherPointcut {

        @Override
        public boolean matches(Method method, Class<?> targetClass) {
            TransactionalEventListener listener = AnnotatedElementUtils.findMergedAnnotation(method, TransactionalEventListener.class);
            return listener != null && listener.phase() == TransactionPhase.AFTER_COMMIT;
        }
    }

    /** Looks its collaborators up on first use: advisors are created before most beans exist. */
    private static final class LazyInterceptor implements org.aopalliance.intercept.MethodInterceptor {

        private final ObjectProvider<PublicationRegistry> registry;
        private final ObjectProvider<Clock> clock;
        private volatile ListenerFailureRecorder recorder;

        LazyInterceptor(ObjectProvider<PublicationRegistry> registry, ObjectProvider<Clock> clock) {
            this.registry = registry;
            this.clock = clock;
        }

        @Override
        public Object invoke(org.aopalliance.intercept.MethodInvocation invocation) throws Throwable {
            if (recorder == null) {
                recorder = new ListenerFailureRecorder(registry.getObject(), clock.getObject());
            }
            return recorder.invoke(invocation);
        }
    }
}
