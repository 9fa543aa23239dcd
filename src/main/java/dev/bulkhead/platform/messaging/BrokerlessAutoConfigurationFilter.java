package dev.bulkhead.platform.messaging;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Keeps Spring Boot's RabbitMQ auto-configuration (connection factory, template, listener
 * infrastructure, health indicator, metrics) out unless messaging is enabled. The AMQP jars are always
 * on the classpath, and Boot would otherwise connect to localhost and report the health of a broker
 * the monolith does not use. Registered in {@code META-INF/spring.factories}.
 */
public final class BrokerlessAutoConfigurationFilter implements AutoConfigurationImportFilter, EnvironmentAware {

    private static final String RABBIT_AUTO_CONFIGURATION = "org.springframework.boot.amqp.autoconfigure.";

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        boolean enabled = environment.getProperty(MessagingProperties.ENABLED, Boolean.class, false);
        boolean[] matches = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < autoConfigurationClasses.length; i++) {
            String name = autoConfigurationClasses[i];
            matches[i] = enabled || name == null || !name.startsWith(RABBIT_AUTO_CONFIGURATION);
        }
        return matches;
    }
}
