package dev.bulkhead.platform.modules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.ConstructorArgumentValues.ValueHolder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;

/**
 * Drops every bean that belongs to a module this process does not host, after component scanning,
 * configuration classes and Spring Data have registered everything: components, the {@code @Bean}s
 * of a module's configuration classes and its Spring Data repositories. The module's code needs no
 * condition of its own: moving a module out is configuration only (ADR 0018).
 */
final class InactiveModuleBeans implements BeanDefinitionRegistryPostProcessor, Ordered {

    private static final Logger log = LoggerFactory.getLogger(InactiveModuleBeans.class);

    private final ActiveModules modules;

    InactiveModuleBeans(ActiveModules modules) {
        this.modules = modules;
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        if (modules.monolith()) {
            return;
        }
        Set<String> dropped = new HashSet<>();
        for (String name : registry.getBeanDefinitionNames()) {
            if (!modules.hostsClass(originOf(registry.getBeanDefinition(name)))) {
                dropped.add(name);
            }
        }
        // a @Bean method of a dropped configuration class goes with it
        for (String name : registry.getBeanDefinitionNames()) {
            String factory = registry.getBeanDefinition(name).getFactoryBeanName();
            if (factory != null && dropped.contains(factory)) {
                dropped.add(name);
            }
        }
        List<String> sorted = new ArrayList<>(dropped);
        sorted.sort(null);
        sorted.forEach(registry::removeBeanDefinition);
        log.info("Hosting {}: {} bean(s) of other modules left out", modules, sorted.size());
        log.debug("Left out: {}", sorted);
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        // everything happens on the registry
    }

    /** Runs after the configuration class processing that registers the beans it judges. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** The class that decides which module a bean belongs to. */
    private static String originOf(BeanDefinition definition) {
        if (definition instanceof AnnotatedBeanDefinition annotated && annotated.getFactoryMethodMetadata() != null) {
            return annotated.getFactoryMethodMetadata().getDeclaringClassName();
        }
        // a Spring Data repository: a factory bean whose product is the module's repository interface
        Object product = definition.getAttribute(FactoryBean.OBJECT_TYPE_ATTRIBUTE);
        if (product instanceof Class<?> type) {
            return type.getName();
        }
        if (product instanceof ResolvableType type && type.resolve() != null) {
            return type.resolve().getName();
        }
        if (product instanceof String type) {
            return type;
        }
        List<ValueHolder> arguments = new ArrayList<>(definition.getConstructorArgumentValues().getIndexedArgumentValues().values());
        arguments.addAll(definition.getConstructorArgumentValues().getGenericArgumentValues());
        for (ValueHolder argument : arguments) {
            if (argument.getValue() instanceof String value && ActiveModules.moduleOf(value).isPresent()) {
                return value;
            }
            if (argument.getValue() instanceof Class<?> value && ActiveModules.moduleOf(value.getName()).isPresent()) {
                return value.getName();
            }
        }
        Class<?> repository = definition.getResolvableType().as(FactoryBean.class).getGeneric(0).resolve();
        return repository != null ? repository.getName() : definition.getBeanClassName();
    }
}
