package dev.bulkhead.platform;

/**
 * The schema of Spring Modulith's event publication registry: every module writes into it, none owns it. The
 * platform owns it under the owner name {@value #OWNER} (migrations in {@code db/events/}, its own roles and
 * connection budget). The business modules declare their schemas themselves ({@link OwnsSchema}).
 */
public final class RegistrySchema {

    public static final String NAME = "events";

    /** The owner name: migrations in {@code db/events/}, roles {@code <prefix>_events_*}. */
    public static final String OWNER = "events";

    private RegistrySchema() {
    }
}
