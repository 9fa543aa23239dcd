package modulith.boundaries;

import java.util.List;
import java.util.Optional;
import modulith.boundaries.rules.DatabaseIdentityRule;
import modulith.boundaries.rules.EventTypeRule;
import modulith.boundaries.rules.ForeignPersistenceRule;
import modulith.boundaries.rules.ListenerHomeRule;
import modulith.boundaries.rules.ModuleCycleRule;
import modulith.boundaries.rules.OwnSchemaMappingRule;
import modulith.boundaries.rules.OwnSchemaMigrationRule;
import modulith.boundaries.rules.OwnSchemaQueryRule;
import modulith.boundaries.rules.PublishedApiRule;
import modulith.boundaries.rules.ReadOnlyApiRule;
import modulith.boundaries.rules.ReferenceByIdRule;

/**
 * Every static rule, in the order of their ids; the runtime guard reports as {@link #RUNTIME_SQL},
 * and as {@link DatabaseIdentityRule#ID} for what R9 forbids.
 */
public final class RuleCatalog {

    public static final String RUNTIME_SQL = "R8.runtime-sql";

    public static final BoundaryRule PUBLISHED_API = new PublishedApiRule();
    public static final BoundaryRule NO_CYCLES = new ModuleCycleRule();
    public static final BoundaryRule FOREIGN_PERSISTENCE = new ForeignPersistenceRule();
    public static final BoundaryRule REFERENCE_BY_ID = new ReferenceByIdRule();
    public static final BoundaryRule OWN_SCHEMA_MAPPING = new OwnSchemaMappingRule();
    public static final BoundaryRule OWN_SCHEMA_QUERIES = new OwnSchemaQueryRule();
    public static final BoundaryRule OWN_SCHEMA_MIGRATIONS = new OwnSchemaMigrationRule();
    public static final BoundaryRule READ_ONLY_API = new ReadOnlyApiRule();
    public static final BoundaryRule LISTENER_HOME = new ListenerHomeRule();
    public static final BoundaryRule EVENT_TYPES = new EventTypeRule();
    public static final BoundaryRule DATABASE_IDENTITY = new DatabaseIdentityRule();

    private RuleCatalog() {
    }

    public static List<BoundaryRule> all() {
        return List.of(PUBLISHED_API, NO_CYCLES, FOREIGN_PERSISTENCE, REFERENCE_BY_ID, OWN_SCHEMA_MAPPING,
                OWN_SCHEMA_QUERIES, OWN_SCHEMA_MIGRATIONS, READ_ONLY_API, LISTENER_HOME, EVENT_TYPES, DATABASE_IDENTITY);
    }

    public static Optional<BoundaryRule> byId(String id) {
        return all().stream().filter(rule -> rule.id().equals(id)).findFirst();
    }
}
