package dev.bulkhead.platform.remote;

import dev.bulkhead.platform.modules.ActiveModules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Published APIs of modules hosted in another process, over HTTP (ADR 0018). */
@Configuration(proxyBeanMethods = false)
class RemoteConfiguration {

    @Bean
    static RemoteApis remoteApis(Environment environment) {
        return new RemoteApis(environment, ActiveModules.parse(environment.getProperty(ActiveModules.PROPERTY)));
    }
}
