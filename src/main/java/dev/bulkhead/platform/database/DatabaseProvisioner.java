package dev.bulkhead.platform.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the {@link ProvisioningScript} over an administrator connection, in one transaction
 * under an advisory lock, so instances starting together provision once and see the same result.
 */
class DatabaseProvisioner {

    private static final Logger log = LoggerFactory.getLogger(DatabaseProvisioner.class);

    private final ProvisioningScript script;

    DatabaseProvisioner(ProvisioningScript script) {
        this.script = script;
    }

    void provision(Connection admin, String loginRole, String loginPassword) throws SQLException {
        boolean autoCommit = admin.getAutoCommit();
        admin.setAutoCommit(false);
        try (Statement statement = admin.createStatement()) {
            statement.execute(ProvisioningScript.LOCK);
            ensureLoginRole(admin, statement, loginRole, loginPassword);
            for (String sql : script.statements(loginRole)) {
                statement.execute(sql);
            }
            admin.commit();
            log.info("Provisioned roles, schemas and grants for {} schema owners; the application logs in as {}",
                    script.owners().size(), loginRole);
        } catch (SQLException e) {
            admin.rollback();
            throw e;
        } finally {
            admin.setAutoCommit(autoCommit);
        }
    }

    /** Whether this connection's role may create roles, so it can provision without separate admin credentials. */
    static boolean canProvision(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")) {
            return row.next() && row.getBoolean(1);
        }
    }

    private static void ensureLoginRole(Connection admin, Statement statement, String loginRole, String password)
            throws SQLException {
        boolean exists;
        try (PreparedStatement query = admin.prepareStatement("SELECT rolsuper FROM pg_roles WHERE rolname = ?")) {
            query.setString(1, loginRole);
            try (ResultSet row = query.executeQuery()) {
                exists = row.next();
                if (exists && row.getBoolean(1)) {
                    return; // a superuser login keeps its attributes; SET ROLE still confines each module
                }
            }
        }
        String passwordClause = password == null || password.isEmpty() ? "" : " PASSWORD " + ProvisioningScript.literal(password);
        if (!exists) {
            statement.execute("CREATE ROLE " + ProvisioningScript.id(loginRole) + " LOGIN NOINHERIT" + passwordClause);
        } else {
            statement.execute("ALTER ROLE " + ProvisioningScript.id(loginRole) + " NOINHERIT" + passwordClause);
        }
    }
}
