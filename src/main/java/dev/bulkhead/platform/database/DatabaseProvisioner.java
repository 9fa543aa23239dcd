package dev.bulkhead.platform.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
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

    void provision(Connection admin, String migrationLogin, String migrationPassword, List<ModuleLogin> logins)
            throws SQLException {
        boolean autoCommit = admin.getAutoCommit();
        admin.setAutoCommit(false);
        try (Statement statement = admin.createStatement()) {
            statement.execute(ProvisioningScript.LOCK);
            ensureMigrationLogin(admin, statement, migrationLogin, migrationPassword);
            for (ModuleLogin login : logins) {
                ensureModuleLogin(admin, statement, login);
            }
            List<String> statements = script.statements(migrationLogin, logins);
            for (String sql : statements.subList(0, statements.size() - 1)) {
                statement.execute(sql);
            }
            int revoked = revokeUndeclared(statement, statements.get(statements.size() - 1));
            admin.commit();
            log.info("Provisioned roles, schemas and grants for {} schema owners; each module logs in as its own role ({}), "
                    + "migrations run as {}{}", script.owners().size(),
                    String.join(", ", logins.stream().map(ModuleLogin::username).toList()), migrationLogin,
                    revoked == 0 ? "" : "; revoked " + revoked + " undeclared role membership(s)");
        } catch (SQLException | RuntimeException e) {
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

    private static int revokeUndeclared(Statement statement, String query) throws SQLException {
        List<String> revokes = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                revokes.add(rows.getString(1));
            }
        }
        for (String revoke : revokes) {
            log.warn("Role membership not declared by Bulkhead, revoked: {}", revoke);
            statement.execute(revoke);
        }
        return revokes.size();
    }

    private static void ensureMigrationLogin(Connection admin, Statement statement, String login, String password)
            throws SQLException {
        Boolean superuser = superuser(admin, login);
        if (Boolean.TRUE.equals(superuser)) {
            return; // a superuser login keeps its attributes: it only migrates, the modules never use it
        }
        String passwordClause = password == null || password.isEmpty() ? "" : " PASSWORD " + ProvisioningScript.literal(password);
        if (superuser == null) {
            statement.execute("CREATE ROLE " + ProvisioningScript.id(login) + " LOGIN NOINHERIT" + passwordClause);
        } else {
            statement.execute("ALTER ROLE " + ProvisioningScript.id(login) + " NOINHERIT" + passwordClause);
        }
    }

    /** A module login can log in and do nothing else; an existing superuser is refused, never demoted. */
    private static void ensureModuleLogin(Connection admin, Statement statement, ModuleLogin login) throws SQLException {
        Boolean superuser = superuser(admin, login.username());
        if (Boolean.TRUE.equals(superuser)) {
            throw ModuleLoginException.unsafe(login.owner(), "Module " + login.owner() + " is configured to log in as "
                    + login.username() + ", a superuser, which could act as every module.",
                    "Give bulkhead.database.logins." + login.owner() + ".username a role of its own (default: Bulkhead creates one).");
        }
        if (superuser == null) {
            statement.execute("CREATE ROLE " + ProvisioningScript.id(login.username()) + " "
                    + ProvisioningScript.MODULE_LOGIN_ATTRIBUTES);
        }
        statement.execute("ALTER ROLE " + ProvisioningScript.id(login.username()) + " "
                + ProvisioningScript.MODULE_LOGIN_ATTRIBUTES + " PASSWORD " + ProvisioningScript.literal(login.password()));
    }

    /** Whether the role is a superuser; null when it does not exist. */
    private static Boolean superuser(Connection admin, String role) throws SQLException {
        try (PreparedStatement query = admin.prepareStatement("SELECT rolsuper FROM pg_roles WHERE rolname = ?")) {
            query.setString(1, role);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getBoolean(1) : null;
            }
        }
    }
}
