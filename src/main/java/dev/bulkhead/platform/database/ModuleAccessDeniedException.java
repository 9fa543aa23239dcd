package dev.bulkhead.platform.database;

import java.sql.SQLException;

/**
 * PostgreSQL refused a statement because it reached outside the module's own schema. Keeps the
 * SQL state (42501) of the original error, and says which module, which schema and which code.
 */
public class ModuleAccessDeniedException extends SQLException {

    private final String module;
    private final String schema;
    private final String origin;

    ModuleAccessDeniedException(String module, String role, String schema, String origin, SQLException cause) {
        super("Module " + module + " (role " + role + ") was denied access to schema " + schema + " by "
                + origin + ": " + cause.getMessage() + ". A module reads another module's data through that module's "
                + "published API and changes it through events.", cause.getSQLState(), cause);
        this.module = module;
        this.schema = schema;
        this.origin = origin;
    }

    public String module() {
        return module;
    }

    public String schema() {
        return schema;
    }

    public String origin() {
        return origin;
    }
}
