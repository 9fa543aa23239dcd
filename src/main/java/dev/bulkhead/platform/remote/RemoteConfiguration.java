package dev.bulkhead.platform.remote;

import dev.bulkhead.platform.modules.ActiveModules;
import dev.bulkhead.platform.security.ServiceTokens;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/** Published APIs of modules hosted in another process, as HTTP interface clients (ADRs 0018, 0027). */
@Configuration(proxyBeanMethods = false)
class RemoteConfiguration {

    @Bean
    static RemoteApis remoteApis(Environment environment) {
        return new RemoteApis(environment, ActiveModules.from(environment));
    }

    /** Created only when a remote API is: the monolith builds no HTTP client. */
    @Bean
    @Lazy
    RemoteApiFactory remoteApiFactory(ObjectProvider<RestClient.Builder> builders,
            ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactories, ObjectProvider<HttpClientSettings> settings,
            JsonMapper json, ServiceTokens tokens) {
        return new RemoteApiFactory(builders, requestFactories.getIfAvailable(ClientHttpRequestFactoryBuilder::detect),
                settings.getIfAvailable(HttpClientSettings::defaults), json, tokens);
    }
}
