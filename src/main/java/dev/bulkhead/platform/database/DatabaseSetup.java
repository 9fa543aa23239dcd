package dev.bulkhead.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Brings the database to the shape the application needs before anything else touches it: roles,
 * logins, schemas and grants (when allowed to provision), then every schema's migrations, each run
 * as the schema's owner role, then takes back any privilege a migration gave away, then each module's
 * share of the event registry. All of it runs on
 * connections opened for the purpose ({@value #APPLICATION_NAME}) and closed again before any pool
 * exists: no connection that can reach an owner role outlives the start-up (ADR 0025).
 */
class DatabaseSetup implements InitializingBean {

    static final String BEAN_NAME = "databaseSetup";

    /** PostgreSQL's application_name of the start-up connections, so anyone can check none is left open. */
    static final String APPLICATION_NAME = "bulkhead-setup";

    /** The advisory lock instances starting together take turns on. */
    static final String SETUP_LOCK = "bulkhead-database-setup";

    private static final Logger log = LoggerFactory.getLogger(DatabaseSetup.class);

    private final DatabaseProperties properties;
    private final LoginCredentials migrationLogin;
    private final ModuleLogins moduleLogins;
    private final AdminConnection admin;
    private final ProvisioningScript script;

    DatabaseSetup(DatabaseProperties properties, LoginCredentials migrationLogin, ModuleLogins moduleLogins,
            AdminConnection admin, ProvisioningScript script) {
        this.properties = properties;
        this.migrationLogin = migrationLogin;
        this.moduleLogins = moduleLogins;
        this.admin = admin;
        this.script = script;
    }

    @Override
    public void afterPropertiesSet() throws SQLException {
        DataSource setup = admin != null ? dataSource(admin.url(), admin.username(), admin.password())
                : dataSource(migrationLogin.url(), migrationLogin.username(), migrationLogin.password());
        try (Connection turn = setup.getConnection()) {
            takeTurn(turn);
            try (Connection connection = setup.getConnection()) {
                moduleLogins.all(); // every module's login is settled before anything changes
                if (shouldProvision(connection)) {
                    new DatabaseProvisioner(script).provision(connection, migrationLogin.username(), migrationLogin.password(),
                            moduleLogins.all());
                } else {
                    log.info("Not provisioning roles and schemas (bulkhead.database.provisioning={}, admin credentials {})",
                            properties.getProvisioning(), admin == null ? "absent" : "present");
                }
            }
            new SchemaMigrations(setup, script.owners()).migrateAll();
            new SchemaPrivileges(script.moduleOwners()).converge(setup);
            new RegistryRowAccess(script.registry(), script.moduleOwners()).apply(setup);
        } // closing the connection ends its session, which releases the turn
    }

    /**
     * Instances starting together take turns through the whole setup, on a session-level advisory lock of a
     * connection of its own: one instance's grants and another's migrations change the same catalogue rows and
     * deadlocked ("while updating tuple in relation pg_class", seen in the crash test); each step's own lock covers
     * only that step. The second instance then finds every migration applied and every grant in place.
     */
    static void takeTurn(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(hashtext(" + ProvisioningScript.literal(SETUP_LOCK) + "))");
        }
    }

    private boolean shouldProvision(Connection connection) throws SQLException {
        return switch (properties.getProvisioning()) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> admin != null || DatabaseProvisioner.canProvision(connection);
        };
    }

    private static DataSource dataSource(String url, String username, String password) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(JdbcUrlCredentials.strip(url), username, password);
        Properties connection = new Properties();
        connection.setProperty("ApplicationName", APPLICATION_NAME);
        dataSource.setConnectionProperties(connection);
        return dataSource;
    }
}
