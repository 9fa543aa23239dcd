package dev.bulkhead.platform.database;

import java.sql.SQLException;

/**
 * PostgreSQL refused a statement because it reached outside the module's own schema, to another
 * module's role, or to rows of the shared registry that are not the module's. Keeps the SQL state
 * (42501) of the original error, and says which module, which schema (or table) and which code.
 */
public class ModuleAccessDeniedException extends SQLException {

    private final String module;
    private final String schema;
    private final String origin;

    ModuleAccessDeniedException(String module, String role, String schema, String origin, SQLException cause) {
        this(module, role, schema, "schema " + schema, origin, cause);
    }

    /** @param target what was refused, as PostgreSQL named it: {@code schema users}, {@code table received_messages} */
    ModuleAccessDeniedException(String module, String role, String schema, String target, String origin, SQLException cause) {
        super("Module " + module + " (role " + role + ") was denied access to " + target + " by "
                + origin + ": " + cause.getMessage() + ". A module reads another module's data through that module's "
                + "published API and changes it through events.", cause.getSQLState(), cause);
        this.module = module;
        this.schema = schema;
        this.origin = origin;
    }

    public String module() {
        return module;
    }

    /** The schema refused; null when PostgreSQL named a table, its rows or a role instead (see the message). */
    public String schema() {
        return schema;
    }

    public String origin() {
        return origin;
    }
}
