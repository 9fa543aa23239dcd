package dev.bulkhead.platform;

import dev.bulkhead.platform.database.ProvisioningScript;

/** The database provisioning script for a DBA to review and run with psql; needs no database. */
public final class ProvisioningSql {

    private ProvisioningSql() {
    }

    public static String forPsql(String rolePrefix) {
        return new ProvisioningScript(rolePrefix).forPsql();
    }
}
