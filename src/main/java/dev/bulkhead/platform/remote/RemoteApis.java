package dev.bulkhead.platform.remote;

import dev.bulkhead.platform.modules.ActiveModules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.env.Environment;

/**
 * For each module this process does not host and whose address is configured
 * ({@code bulkhead.remote.<module>.url}), registers its published APIs as beans backed by HTTP, so the
 * hosted modules get those APIs injected as before. A module hosted elsewhere without an
 * address gets no bean: a hosted module that needs it fails start-up naming the missing API. An
 * invalid address or timeout fails start-up naming the property.
 */
final class RemoteApis implements BeanDefinitionRegistryPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(RemoteApis.class);

    private final Environment environment;
    private final ModuleDirectory modules;

    RemoteApis(Environment environment, ActiveModules modules) {
        this.environment = environment;
        this.modules = new ModuleDirectory(modules);
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        for (String module : modules.hostedElsewhere()) {
            RemoteModuleProperties.of(module, environment).ifPresent(remote -> {
                for (Class<?> api : PublishedApis.of(module)) {
                    register(registry, api, module, remote);
                    log.info("{} of module {} is answered by {} (connect timeout {}, read timeout {})", api.getSimpleName(),
                            module, remote.url(), remote.connectTimeout(), remote.readTimeout());
                }
            });
        }
    }

    private static <T> void register(BeanDefinitionRegistry registry, Class<T> api, String module, RemoteModuleProperties remote) {
        BeanFactory beans = (BeanFactory) registry;
        RootBeanDefinition definition = new RootBeanDefinition(api,
                () -> beans.getBean(RemoteApiFactory.class).create(api, module, remote));
        registry.registerBeanDefinition("remote" + api.getSimpleName(), definition);
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        // everything happens on the registry
    }
}
