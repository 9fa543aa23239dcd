package dev.bulkhead.platform.events;

import java.time.Clock;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.transaction.event.TransactionalEventListener;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventRetryProperties.class)
class EventsConfiguration {

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
