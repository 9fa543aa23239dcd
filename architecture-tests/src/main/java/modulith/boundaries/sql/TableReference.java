package modulith.boundaries.sql;

import java.util.Optional;

/**
 * A database object named in a statement: a relation (table, view, sequence, index, type), a function called or
 * defined, an extension, a schema itself, or a schema put on the search path.
 *
 * @param schema the schema as written, or {@code null} when unqualified (it then resolves through the search path)
 * @param name   the object's name as written; for {@link Kind#SCHEMA} and {@link Kind#SEARCH_PATH} the schema again
 */
public record TableReference(String schema, String name, Kind kind) {

    public enum Kind {
        /** A table, view, sequence, index or type: created, altered, referenced or queried. */
        TABLE,
        /** A function or procedure called. */
        FUNCTION,
        /** A function, procedure or trigger function defined, altered or dropped. */
        ROUTINE,
        /** A schema created, altered, commented or granted on as such. */
        SCHEMA,
        /** An extension, placed in a schema. */
        EXTENSION,
        /** A schema a {@code SET search_path} puts on the search path; {@code first} when unqualified names are created there. */
        SEARCH_PATH,
        /** A dotted name in an expression: {@code schema.table}, or as likely {@code alias.column}. */
        QUALIFIED_NAME
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

    /** The same object in the schema an unqualified name resolves to. */
    public TableReference in(String resolvedSchema) {
        return new TableReference(resolvedSchema, name, kind);
    }

    /** {@code schema.name}, quotes removed. */
    public String display() {
        String bare = unquote(name);
        if (kind == Kind.SCHEMA || kind == Kind.SEARCH_PATH) {
            return bare;
        }
        return schema == null ? bare : unquote(schema) + "." + bare;
    }

    private static String unquote(String identifier) {
        return identifier.replace("\"", "").replace("`", "");
    }
}
