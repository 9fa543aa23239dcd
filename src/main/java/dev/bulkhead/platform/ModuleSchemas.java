package dev.bulkhead.platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The single declaration of which Postgres schema each module owns.
 *
 * <p>Entity mappings ({@code @Table(schema = ...)}), the per-module Flyway migrations and the
 * architecture tests all read this class, so a schema is named in exactly one place. Schema names
 * avoid the reserved words {@code user} and {@code order}.
 */
public final class ModuleSchemas {

    /** The package whose direct subpackages are the modules: {@code dev.bulkhead.user} is module {@code user}. */
    public static final String BASE_PACKAGE = "dev.bulkhead";

    public static final String USER = "users";
    public static final String BILLING = "billing";
    public static final String ORDER = "orders";
    public static final String HISTORY = "order_history";

    /** Spring Modulith's event publication registry: used by every module, owned by none. */
    public static final String EVENT_REGISTRY = "events";

    /** The owner name of the registry schema: its migrations live in {@code db/events/}. */
    public static final String EVENT_REGISTRY_OWNER = "events";

    private static final Map<String, String> SCHEMA_BY_MODULE = new LinkedHashMap<>();

    static {
        SCHEMA_BY_MODULE.put("user", USER);
        SCHEMA_BY_MODULE.put("billing", BILLING);
        SCHEMA_BY_MODULE.put("order", ORDER);
        SCHEMA_BY_MODULE.put("history", HISTORY);
    }

    private ModuleSchemas() {
    }

    /** Module name (the package below {@code dev.bulkhead}) to the schema it owns, in a stable order. */
    public static Map<String, String> byModule() {
        return Collections.unmodifiableMap(SCHEMA_BY_MODULE);
    }

    /**
     * Every owner of a schema: the event registry first (every module writes into it), then the
     * modules. Each owner gets its own migration set, Postgres roles and connection budget.
     */
    public static Map<String, String> schemaByOwner() {
        Map<String, String> owners = new LinkedHashMap<>();
        owners.put(EVENT_REGISTRY_OWNER, EVENT_REGISTRY);
        owners.putAll(SCHEMA_BY_MODULE);
        return Collections.unmodifiableMap(owners);
    }

    public static Optional<String> schemaOf(String module) {
        return Optional.ofNullable(SCHEMA_BY_MODULE.get(module));
    }
}
