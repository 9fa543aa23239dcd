package dev.bulkhead.platform.messaging;

import dev.bulkhead.platform.modules.ActiveModules;
import dev.bulkhead.platform.observability.ModuleSteps;
import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.support.EventExternalizerModuleListener;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events through RabbitMQ, when {@code bulkhead.messaging.enabled=true} (ADRs 0017, 0019). Outbound:
 * every integration event published by a module hosted here is externalized by Spring Modulith to
 * one topic exchange, routing key = event name, signed. Inbound, in a process that does not host
 * every module: one durable queue bound to the names of the events the other modules publish, a
 * dead-letter queue beside it, and a listener that verifies and republishes them locally.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(MessagingProperties.ENABLED)
@EnableConfigurationProperties(MessagingProperties.class)
class MessagingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MessagingConfiguration.class);

    @Bean
    EventCatalog eventCatalog() {
        return EventCatalog.scan();
    }

    @Bean
    SigningKeys signingKeys(MessagingProperties properties) {
        return SigningKeys.from(properties.signing());
    }

    /**
     * Which events leave the process and where to: those of the catalog whose publisher runs here.
     * An event that arrived from the broker belongs to a module hosted elsewhere and is not sent back.
     * Created while the event listeners are set up, before configuration properties are bound: hence
     * the exchange is read from the environment.
     */
    @Bean
    static EventExternalizationConfiguration eventExternalizationConfiguration(Environment environment) {
        EventCatalog catalog = EventCatalog.scan();
        ActiveModules modules = ActiveModules.from(environment);
        String exchange = environment.getProperty(MessagingProperties.EXCHANGE, MessagingProperties.DEFAULT_EXCHANGE);
        return EventExternalizationConfiguration.externalizing()
                .select(event -> catalog.contains(event.getClass()) && modules.hostsClass(event.getClass().getName()))
                .routeAll(event -> RoutingTarget.forTarget(exchange).andKey(EventCatalog.nameOf(event.getClass())))
                .build();
    }

    @Bean
    EventExternalizerModuleListener signedEventExternalizer(EventExternalizationConfiguration configuration,
            RabbitTemplate rabbit, JsonMapper json, SigningKeys keys, ObjectProvider<Tracer> tracer, Clock clock) {
        return new EventExternalizerModuleListener(configuration,
                new SignedEventTransport(rabbit, json, keys, tracer.getIfAvailable(() -> Tracer.NOOP), clock));
    }

    @Bean
    TopicExchange eventExchange(MessagingProperties properties) {
        return new TopicExchange(properties.exchange(), true, false);
    }

    /** Consuming the events of the modules this process does not host; absent in the monolith. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(MessagingProperties.ENABLED)
    static class Inbound {

        @Bean
        InboundQueue inboundQueue(MessagingProperties properties, ActiveModules modules) {
            return InboundQueue.of(properties, modules);
        }

        @Bean
        Declarables inboundDeclarations(InboundQueue queue, TopicExchange exchange, EventCatalog catalog,
                ActiveModules modules, MessagingProperties properties) {
            List<Declarable> declarations = new ArrayList<>();
            if (queue.absent()) {
                return new Declarables(declarations);
            }
            DirectExchange deadLetters = new DirectExchange(queue.deadLetterExchange(), true, false);
            Queue inbox = queue.declaration(properties.messageTtl());
            Queue deadLetterQueue = QueueBuilder.durable(queue.deadLetterQueue()).build();
            declarations.addAll(List.of(deadLetters, inbox, deadLetterQueue,
                    BindingBuilder.bind(deadLetterQueue).to(deadLetters).with(queue.name())));
            for (String name : catalog.namesPublishedElsewhere(modules)) {
                Binding binding = BindingBuilder.bind(inbox).to(exchange).with(name);
                declarations.add(binding);
            }
            log.info("Receiving from exchange {} on queue {} (dead letters: {}): {}", exchange.getName(), queue.name(),
                    queue.deadLetterQueue(), catalog.namesPublishedElsewhere(modules));
            return new Declarables(declarations);
        }

        /** Idle where the application declares nothing ({@code spring.rabbitmq.dynamic=false}) or receives nothing. */
        @Bean
        InboundQueueCheck inboundQueueCheck(InboundQueue queue, ObjectProvider<AmqpAdmin> admin, MessagingProperties properties) {
            return new InboundQueueCheck(admin.getIfAvailable(), queue, properties.messageTtl());
        }

        @Bean
        InboundEvents inboundEvents(SigningKeys keys, EventCatalog catalog, MessagingProperties properties,
                DataSource dataSource, JsonMapper json, ApplicationEventPublisher publisher,
                PlatformTransactionManager transactionManager, Clock clock, ModuleSteps steps) {
            return new InboundEvents(new InboundEventVerifier(keys, catalog, MessageAgeLimit.of(properties, clock)),
                    new ReceivedMessages(dataSource), json,
                    publisher, new TransactionTemplate(transactionManager), clock, steps);
        }

        @Bean
        SimpleMessageListenerContainer inboundContainer(InboundQueue queue, ConnectionFactory connections,
                InboundEvents listener, Declarables inboundDeclarations) {
            SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connections);
            container.setMessageListener(listener);
            // one consumer keeps an aggregate's events in the order the broker has them
            container.setConcurrentConsumers(1);
            container.setPrefetchCount(10);
            container.setAutoStartup(!queue.absent());
            if (!queue.absent()) {
                container.setQueueNames(queue.name());
            }
            return container;
        }
    }
}
