package dev.bulkhead.testing;

import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * SQL for tests that look at the database from outside the application: it connects with the test
 * server's own credentials, never through the application's per-module connections, so a test can
 * read every schema to check what the modules did.
 */
public final class DatabaseInspector {

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    DatabaseInspector(TestDatabase.Coordinates coordinates) {
        this.dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), coordinates.jdbcUrl(),
                coordinates.username(), coordinates.password());
        this.jdbc = JdbcClient.create(dataSource);
    }

    public JdbcClient.StatementSpec sql(String sql) {
        return jdbc.sql(sql);
    }

    public long count(String sql, Object... params) {
        JdbcClient.StatementSpec spec = jdbc.sql(sql);
        for (Object param : params) {
            spec = spec.param(param);
        }
        return spec.query(Long.class).single();
    }

    public DataSource dataSource() {
        return dataSource;
    }
}
