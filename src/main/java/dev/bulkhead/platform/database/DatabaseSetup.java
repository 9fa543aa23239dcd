package dev.bulkhead.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Brings the database to the shape the application needs before anything else touches it: roles,
 * schemas and grants (when allowed to provision), then every schema's migrations, each run as the
 * schema's owner role.
 */
class DatabaseSetup implements InitializingBean {

    static final String BEAN_NAME = "databaseSetup";

    private static final Logger log = LoggerFactory.getLogger(DatabaseSetup.class);

    private final DatabaseProperties properties;
    private final LoginCredentials login;
    private final AdminConnection admin;
    private final ProvisioningScript script;

    DatabaseSetup(DatabaseProperties properties, LoginCredentials login, AdminConnection admin, ProvisioningScript script) {
        this.properties = properties;
        this.login = login;
        this.admin = admin;
        this.script = script;
    }

    @Override
    public void afterPropertiesSet() throws SQLException {
        DataSource setup = admin != null ? dataSource(admin.url(), admin.username(), admin.password())
                : dataSource(login.url(), login.username(), login.password());
        try (Connection connection = setup.getConnection()) {
            if (shouldProvision(connection)) {
                new DatabaseProvisioner(script).provision(connection, login.username(), login.password());
            } else {
                log.info("Not provisioning roles and schemas (bulkhead.database.provisioning={}, admin credentials {})",
                        properties.getProvisioning(), admin == null ? "absent" : "present");
            }
        }
        new SchemaMigrations(setup, script.owners()).migrateAll();
    }

    private boolean shouldProvision(Connection connection) throws SQLException {
        return switch (properties.getProvisioning()) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> admin != null || DatabaseProvisioner.canProvision(connection);
        };
    }

    private static DataSource dataSource(String url, String username, String password) {
        return new DriverManagerDataSource(url, username, password);
    }
}
