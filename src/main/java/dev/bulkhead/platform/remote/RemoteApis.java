package dev.bulkhead.platform.remote;

import dev.bulkhead.platform.security.CallerTokens;
import dev.bulkhead.platform.modules.ActiveModules;
import dev.bulkhead.platform.modules.DeclaredModules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * For each module this process does not host and whose address is configured
 * ({@code bulkhead.remote.<module>.url}), registers its published APIs as beans backed by HTTP, so the
 * hosted modules get those APIs injected as before. A module hosted elsewhere without an
 * address gets no bean: a hosted module that needs it fails start-up naming the missing API.
 */
final class RemoteApis implements BeanDefinitionRegistryPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(RemoteApis.class);

    private final Environment environment;
    private final ActiveModules modules;

    RemoteApis(Environment environment, ActiveModules modules) {
        this.environment = environment;
        this.modules = modules;
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        for (String module : DeclaredModules.businessModuleNames()) {
            String url = environment.getProperty("bulkhead.remote." + module + ".url");
            if (modules.hosts(module) || !StringUtils.hasText(url)) {
                continue;
            }
            for (Class<?> api : PublishedApis.of(module)) {
                register(registry, api, url);
                log.info("{} of module {} is answered by {}", api.getSimpleName(), module, url);
            }
        }
    }

    private static <T> void register(BeanDefinitionRegistry registry, Class<T> api, String url) {
        BeanFactory beans = (BeanFactory) registry;
        RootBeanDefinition definition = new RootBeanDefinition(api, () -> new RemoteApiFactory(
                RestClient.builder().baseUrl(url).build(), beans.getBean(JsonMapper.class), beans.getBean(CallerTokens.class))
                .create(api));
        registry.registerBeanDefinition("remote" + api.getSimpleName(), definition);
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        // everything happens on the registry
    }
}
