package dev.bulkhead.platform.modules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.orm.jpa.persistenceunit.ManagedClassNameFilter;

/**
 * Lets one jar run as the monolith or as a process hosting only some modules
 * ({@code bulkhead.modules}): the beans, entities, schemas and pools of the other modules are left
 * out, and their APIs and events come from elsewhere (ADR 0018).
 */
@Configuration(proxyBeanMethods = false)
class ModulesConfiguration {

    @Bean
    static ActiveModules activeModules(Environment environment) {
        return ActiveModules.from(environment);
    }

    @Bean
    static InactiveModuleBeans inactiveModuleBeans(Environment environment) {
        return new InactiveModuleBeans(activeModules(environment));
    }

    /** JPA maps only the entities (and converters) of hosted modules: the others' tables are not in this database. */
    @Bean
    static ManagedClassNameFilter hostedEntitiesOnly(ActiveModules modules) {
        return modules::hostsClass;
    }
}
