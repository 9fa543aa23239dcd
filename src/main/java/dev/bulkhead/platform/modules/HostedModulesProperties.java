package dev.bulkhead.platform.modules;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.Environment;

/**
 * Which business modules this process hosts (ADR 0018). Read while bean definitions are still being registered,
 * before configuration property beans exist, so it is bound straight from the environment by Boot's binder; the
 * annotation gives it its configuration metadata.
 *
 * @param modules the business modules hosted here, such as {@code billing} or {@code user,order}; empty, the
 *     default, hosts them all (the monolith). A name that is no module stops the start-up.
 */
@ConfigurationProperties(HostedModulesProperties.PREFIX)
record HostedModulesProperties(@DefaultValue List<String> modules) {

    static final String PREFIX = "bulkhead";

    static HostedModulesProperties of(Environment environment) {
        return Binder.get(environment).bindOrCreate(PREFIX, HostedModulesProperties.class);
    }
}
