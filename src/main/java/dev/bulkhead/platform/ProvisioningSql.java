package dev.bulkhead.platform;

import dev.bulkhead.platform.database.ProvisioningScript;
import dev.bulkhead.platform.modules.ActiveModules;

/** The database provisioning script for a DBA to review and run with psql; needs no database. */
public final class ProvisioningSql {

    private ProvisioningSql() {
    }

    public static String forPsql(String rolePrefix) {
        return new ProvisioningScript(rolePrefix).forPsql();
    }

    /** Only the schemas of the given modules (a value of {@code bulkhead.modules}) and the registry's. */
    public static String forPsql(String rolePrefix, String modules) {
        return new ProvisioningScript(rolePrefix, ActiveModules.parse(modules)).forPsql();
    }
}
