package dev.bulkhead.platform.database;

import dev.bulkhead.platform.modules.ActiveModules;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.jpa.autoconfigure.EntityManagerFactoryDependsOnPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.context.annotation.Primary;
import org.springframework.util.StringUtils;

/**
 * Wires the per-module database isolation: one pool per schema owner behind one routing data
 * source, a transaction manager that says which module a transaction is for, and the set-up that
 * provisions roles and migrates schemas before JPA starts. See ADR 0006.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {

    @Bean
    ProvisioningScript provisioningScript(DatabaseProperties properties, ActiveModules modules) {
        return new ProvisioningScript(properties.getRolePrefix(), modules);
    }

    @Bean
    LoginCredentials loginCredentials(ObjectProvider<JdbcConnectionDetails> details, DataSourceProperties properties) {
        JdbcConnectionDetails given = details.getIfAvailable();
        if (given != null) {
            return new LoginCredentials(given.getJdbcUrl(), given.getUsername(), given.getPassword());
        }
        return new LoginCredentials(properties.determineUrl(), properties.determineUsername(), properties.determinePassword());
    }

    /** Each hosted module's own login; a missing password stops the start-up before anything is provisioned. */
    @Bean
    ModuleLogins moduleLogins(DatabaseProperties properties, ProvisioningScript script, LoginCredentials login,
            ObjectProvider<ModuleLoginPasswords> passwords) {
        return new ModuleLogins(properties, script.owners(), login.username(), passwords.getIfAvailable());
    }

    @Bean(DatabaseSetup.BEAN_NAME)
    DatabaseSetup databaseSetup(DatabaseProperties properties, LoginCredentials login, ModuleLogins moduleLogins,
            ObjectProvider<AdminConnection> adminBean, ProvisioningScript script) {
        AdminConnection admin = adminBean.getIfAvailable(() -> configuredAdmin(properties, login));
        return new DatabaseSetup(properties, login, moduleLogins, admin, script);
    }

    @Bean(destroyMethod = "close")
    @Primary
    @DependsOn(DatabaseSetup.BEAN_NAME)
    ModuleConnections dataSource(DatabaseProperties properties, LoginCredentials login, ModuleLogins moduleLogins,
            ProvisioningScript script, MeterRegistry meters) {
        List<ModulePool> pools = new ArrayList<>();
        try {
            for (RoleNames owner : script.owners()) {
                pools.add(new ModulePool(owner, properties.budgetOf(owner.owner()), login.url(),
                        moduleLogins.of(owner.owner()), meters));
            }
        } catch (RuntimeException e) {
            pools.forEach(ModulePool::close);
            throw e;
        }
        return new ModuleConnections(pools);
    }

    @Bean
    ModuleTransactionManager transactionManager(EntityManagerFactory entityManagerFactory) {
        return new ModuleTransactionManager(entityManagerFactory);
    }

    @Bean
    static EntityManagerFactoryDependsOnPostProcessor entityManagerFactoryAfterDatabaseSetup() {
        return new AfterDatabaseSetup();
    }

    private static @Nullable AdminConnection configuredAdmin(DatabaseProperties properties, LoginCredentials login) {
        DatabaseProperties.Admin admin = properties.getAdmin();
        if (!StringUtils.hasText(admin.getUsername())) {
            return null;
        }
        String url = StringUtils.hasText(admin.getUrl()) ? admin.getUrl() : login.url();
        return new AdminConnection(url, admin.getUsername(), admin.getPassword());
    }

    static final class AfterDatabaseSetup extends EntityManagerFactoryDependsOnPostProcessor {
        AfterDatabaseSetup() {
            super(DatabaseSetup.BEAN_NAME);
        }
    }
}
