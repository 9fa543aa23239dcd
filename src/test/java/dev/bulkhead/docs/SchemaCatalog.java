package dev.bulkhead.docs;

import dev.bulkhead.testing.DatabaseInspector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables and columns each schema holds after the application's migrations ran, read from the
 * real database's catalog rather than from the migration files, so what is documented is what
 * PostgreSQL actually has.
 */
final class SchemaCatalog {

    /** Flyway's history table, which every schema has and no module's code uses. */
    static final String MIGRATION_HISTORY = "flyway_schema_history";

    record Column(String name, String type, boolean nullable) {
    }

    record Table(String schema, String name, List<Column> columns, List<String> constraints) {

        boolean isMigrationHistory() {
            return name.equals(MIGRATION_HISTORY);
        }
    }

    /** A foreign key or a view that reaches from one schema into another: it would tie two modules together. */
    record CrossSchemaReference(String kind, String from, String to) {
    }

    private final DatabaseInspector database;

    SchemaCatalog(DatabaseInspector database) {
        this.database = database;
    }

    List<Table> tables(String schema) {
        Map<String, List<Column>> columns = new LinkedHashMap<>();
        database.sql("""
                select c.relname as table_name, a.attname as column_name,
                       format_type(a.atttypid, a.atttypmod) as column_type, not a.attnotnull as nullable
                from pg_attribute a
                join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = ? and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
                order by c.relname, a.attnum""").param(schema).query((row, i) -> {
            columns.computeIfAbsent(row.getString("table_name"), name -> new ArrayList<>())
                    .add(new Column(row.getString("column_name"), row.getString("column_type"), row.getBoolean("nullable")));
            return null;
        }).list();
        List<Table> tables = new ArrayList<>();
        columns.forEach((table, tableColumns) -> tables.add(new Table(schema, table, tableColumns, constraints(schema, table))));
        return tables;
    }

    /** Primary keys, unique constraints, foreign keys and checks, as PostgreSQL prints them. */
    private List<String> constraints(String schema, String table) {
        return database.sql("""
                select con.conname || ': ' || pg_get_constraintdef(con.oid)
                from pg_constraint con
                join pg_class c on c.oid = con.conrelid join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = ? and c.relname = ? and con.contype in ('p', 'u', 'f', 'c')
                order by con.contype, con.conname""").param(schema).param(table).query(String.class).list();
    }

    List<CrossSchemaReference> crossSchemaReferences() {
        List<CrossSchemaReference> references = new ArrayList<>(database.sql("""
                select src.nspname || '.' || srct.relname as source, dst.nspname || '.' || dstt.relname as target
                from pg_constraint c
                join pg_class srct on srct.oid = c.conrelid join pg_namespace src on src.oid = srct.relnamespace
                join pg_class dstt on dstt.oid = c.confrelid join pg_namespace dst on dst.oid = dstt.relnamespace
                where c.contype = 'f' and src.nspname <> dst.nspname
                order by 1, 2""").query((row, i) -> new CrossSchemaReference("foreign key",
                row.getString("source"), row.getString("target"))).list());
        references.addAll(database.sql("""
                select distinct view_schema || '.' || view_name as source, table_schema || '.' || table_name as target
                from information_schema.view_table_usage where view_schema <> table_schema
                order by 1, 2""").query((row, i) -> new CrossSchemaReference("view",
                row.getString("source"), row.getString("target"))).list());
        return references;
    }
}
