package dev.bulkhead.platform.database;

/**
 * A module's database login is missing, wrong or unusable, so the application cannot start: the
 * message names the module and the setting to fix. Reported at start-up by
 * {@code ModuleLoginFailureAnalyzer} as one explanation instead of a stack trace.
 */
public class ModuleLoginException extends RuntimeException {

    private final String module;
    private final String action;

    ModuleLoginException(String module, String description, String action, Throwable cause) {
        super(description, cause);
        this.module = module;
        this.action = action;
    }

    static ModuleLoginException missingPassword(String owner, String username) {
        return new ModuleLoginException(owner, "Module " + owner + " has no database password for its login role "
                + username + ". Each module connects as its own PostgreSQL login.",
                "Set " + ModuleLogin.passwordVariable(owner) + " (property " + ModuleLogin.passwordProperty(owner)
                        + ") to the password of " + username + ".", null);
    }

    static ModuleLoginException refused(ModuleLogin login, java.sql.SQLException cause) {
        return new ModuleLoginException(login.owner(), "Module " + login.owner() + " could not log in to PostgreSQL as "
                + login.username() + ": " + firstLine(cause.getMessage()) + " (SQL state " + cause.getSQLState() + ").",
                "Set " + ModuleLogin.passwordVariable(login.owner()) + " to the password of " + login.username()
                        + " (and bulkhead.database.logins." + login.owner() + ".username if the role has another name), "
                        + "or let Bulkhead provision the role with administrator credentials.", cause);
    }

    static ModuleLoginException unsafe(String owner, String description, String action) {
        return new ModuleLoginException(owner, description, action, null);
    }

    /** The module (schema owner) whose login failed. */
    public String module() {
        return module;
    }

    /** What to set or change. */
    public String action() {
        return action;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
