package dev.bulkhead.platform.migration;

import dev.bulkhead.ModuleSchemas;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Runs one Flyway migration set per schema owner, each confined to its own schema: the scripts in
 * {@code db/<owner>/} run with that schema as the only one Flyway manages and as the default
 * schema, and the history table {@code flyway_schema_history} lives inside it. An owner's
 * migrations therefore never see another owner's history, and moving a module to its own database
 * takes its history along.
 */
class SchemaMigrations implements InitializingBean {

    static final String HISTORY_TABLE = "flyway_schema_history";

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);

    private final DataSource dataSource;
    private final List<MigrationSet> sets;

    SchemaMigrations(DataSource dataSource, List<MigrationSet> sets) {
        this.dataSource = dataSource;
        this.sets = List.copyOf(sets);
    }

    /** The application's sets: the event registry first (every module publishes into it), then each module. */
    static List<MigrationSet> forApplication() {
        List<MigrationSet> sets = new ArrayList<>();
        sets.add(new MigrationSet("events", ModuleSchemas.EVENT_REGISTRY));
        ModuleSchemas.byModule().forEach((module, schema) -> sets.add(new MigrationSet(module, schema)));
        return sets;
    }

    @Override
    public void afterPropertiesSet() {
        for (MigrationSet set : sets) {
            MigrateResult result = flywayFor(set).migrate();
            log.info("Schema {} ({}): {} migration(s) applied, now at version {}", set.schema(), set.location(),
                    result.migrationsExecuted, result.targetSchemaVersion == null ? "-" : result.targetSchemaVersion);
        }
    }

    Flyway flywayFor(MigrationSet set) {
        return Flyway.configure()
                .dataSource(dataSource)
                .schemas(set.schema())
                .defaultSchema(set.schema())
                .createSchemas(true)
                .table(HISTORY_TABLE)
                .locations(set.location())
                .failOnMissingLocations(true)
                .load();
    }

    /** The migrations in {@code classpath:db/<owner>/}, applied to {@code schema} only. */
    record MigrationSet(String owner, String schema) {

        String location() {
            return "classpath:db/" + owner;
        }
    }
}
