package dev.bulkhead.testing;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * A module's own migrations run, up to a chosen version, into a schema of a test's own on a real PostgreSQL: for
 * tests of what a migration does to rows written before it. {@link #drop} leaves nothing behind, as on a server named
 * by the environment every test shares one database.
 */
public final class MigratedSchema {

    private final String schema;
    private final String location;
    private final DataSource dataSource;
    private final JdbcClient jdbc;

    /**
     * @param location the module's migrations, e.g. {@code classpath:db/billing}
     * @param database from {@link TestDatabase}
     */
    public MigratedSchema(String schema, String location, TestDatabase.Coordinates database) {
        this.schema = schema;
        this.location = location;
        this.dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), database.jdbcUrl(), database.username(),
                database.password());
        this.jdbc = JdbcClient.create(dataSource);
    }

    public String name() {
        return schema;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    /** @param version a migration version, or {@code latest} */
    public void migrateTo(String version) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .locations(location)
                .failOnMissingLocations(true)
                .target(version)
                .load()
                .migrate();
    }

    public void drop() {
        jdbc.sql("drop schema if exists " + schema + " cascade").update();
    }
}
