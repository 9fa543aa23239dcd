package dev.bulkhead.platform.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Module-shaped telemetry (ADR 0031). Spring Boot configures the rest from its own properties: traces through
 * Micrometer Tracing's OpenTelemetry bridge, sampled at {@code management.tracing.sampling.probability} (10 % by
 * default), exported over OTLP only when {@code management.opentelemetry.tracing.export.otlp.endpoint} names a
 * collector; meters at {@code /actuator/prometheus} for operators; trace and span ids in every log line.
 */
@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {

    /**
     * Where the module transaction's span sits among the advisors around a bean: just outside the transaction
     * ({@code platform.events.EventsConfiguration} orders transactions at {@code LOWEST_PRECEDENCE - 1}), so it
     * covers the commit.
     */
    static final int MODULE_TRANSACTIONS = Ordered.LOWEST_PRECEDENCE - 2;

    /**
     * The trace and the log's context travel with the work handed to the application's executor: the event
     * deliveries. A redelivery then knows what set it off (the retry job's run, an operator's request) and links
     * to it; the trace it continues is the one stored with its publication, whatever the thread had.
     */
    @Bean
    ContextPropagatingTaskDecorator contextPropagatingTaskDecorator() {
        return new ContextPropagatingTaskDecorator();
    }

    @Bean
    ModuleSteps moduleSteps(ObservationRegistry observations) {
        return new ModuleSteps(observations);
    }

    /** Before Spring Boot's tracing handlers, which would take a step's parent from the thread's observation. */
    @Bean
    @Order(MicrometerTracingAutoConfiguration.RECEIVER_TRACING_OBSERVATION_HANDLER_ORDER - 1)
    ModuleStepTracingHandler moduleStepTracingHandler(Tracer tracer) {
        return new ModuleStepTracingHandler(tracer);
    }

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor moduleTransactionStepsAdvisor(ObjectProvider<ModuleSteps> steps) {
        ModuleTransactionSteps.ModuleTransactions transactions = ModuleTransactionSteps.ModuleTransactions.annotated();
        var advisor = new DefaultPointcutAdvisor(transactions, new ModuleTransactionSteps(transactions.source(), steps));
        advisor.setOrder(MODULE_TRANSACTIONS);
        return advisor;
    }

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor inboxDuplicatesAdvisor(ObjectProvider<MeterRegistry> meters) {
        var advisor = new DefaultPointcutAdvisor(new InboxDuplicates.Inboxes(), new InboxDuplicates(meters));
        advisor.setOrder(MODULE_TRANSACTIONS);
        return advisor;
    }

    @Bean
    ModuleServerRequestConvention moduleServerRequestConvention(
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
        return new ModuleServerRequestConvention(new ModuleOfRequest(mappings));
    }

    @Bean
    WebMvcConfigurer requestModuleLogging() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new RequestModuleLogging());
            }
        };
    }
}
