package dev.bulkhead.platform.migration;

import javax.sql.DataSource;
import org.springframework.boot.jpa.autoconfigure.EntityManagerFactoryDependsOnPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Migrates every schema before JPA starts, so Hibernate validates against the migrated tables. */
@Configuration(proxyBeanMethods = false)
class MigrationConfiguration {

    static final String BEAN_NAME = "schemaMigrations";

    @Bean(BEAN_NAME)
    SchemaMigrations schemaMigrations(DataSource dataSource) {
        return new SchemaMigrations(dataSource, SchemaMigrations.forApplication());
    }

    @Bean
    static EntityManagerFactoryDependsOnPostProcessor entityManagerFactoryAfterMigrations() {
        return new MigrationsFirst();
    }

    static final class MigrationsFirst extends EntityManagerFactoryDependsOnPostProcessor {
        MigrationsFirst() {
            super(BEAN_NAME);
        }
    }
}
