package modulith.boundaries.sql;

import java.util.Optional;

/**
 * A database object named in a statement: a table, view, sequence or function, or a schema itself.
 *
 * @param schema the schema as written, or {@code null} when unqualified (it then resolves through the default schema)
 * @param name   the object's name as written; for {@link Kind#SCHEMA} the schema again
 */
public record TableReference(String schema, String name, Kind kind) {

    public enum Kind {
        TABLE, FUNCTION, SCHEMA, QUALIFIED_NAME
    }

    /** From a possibly qualified name such as {@code users.users} or {@code "users"."users"}. */
    public static TableReference parse(String qualifiedName, Kind kind) {
        String[] parts = qualifiedName.trim().split("\\.");
        if (parts.length == 1) {
            return new TableReference(null, parts[0], kind);
        }
        // database.schema.table: the schema is the second-to-last part
        return new TableReference(parts[parts.length - 2], parts[parts.length - 1], kind);
    }

    public Optional<String> schemaName() {
        return Optional.ofNullable(schema);
    }

    /** {@code schema.name}, quotes removed. */
    public String display() {
        String bare = unquote(name);
        return schema == null ? bare : unquote(schema) + "." + bare;
    }

    private static String unquote(String identifier) {
        return identifier.replace("\"", "").replace("`", "");
    }
}
