package dev.bulkhead;

import dev.bulkhead.platform.ProvisioningSql;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * One deployable holding the business modules (user, billing, order, the order history read model and the
 * dashboard) and the shared platform and kernel. A module that keeps data declares its private Postgres schema on its
 * own package ({@link dev.bulkhead.platform.OwnsSchema}); modules read each other only through published APIs and
 * change each other's state only through events.
 */
@SpringBootApplication
@Modulithic(systemName = "Bulkhead", sharedModules = { "kernel", "platform" })
@EnableAsync
public class BulkheadApplication {

    public static void main(String[] args) {
        if (Arrays.asList(args).contains(PRINT_PROVISIONING_SQL)) {
            // for a DBA: the roles, schemas and grants as a psql script; needs no database
            System.out.print(ProvisioningSql.forPsql(rolePrefix(args), modules(args)));
            return;
        }
        SpringApplication.run(BulkheadApplication.class, args);
    }

    static final String PRINT_PROVISIONING_SQL = "--print-provisioning-sql";

    private static String rolePrefix(String[] args) {
        return argument(args, "bulkhead.database.role-prefix", "BULKHEAD_DATABASE_ROLE_PREFIX", "bulkhead");
    }

    /** The modules this process hosts: a process hosting only billing provisions only billing's schema. */
    private static String modules(String[] args) {
        return argument(args, "bulkhead.modules", "BULKHEAD_MODULES", "");
    }

    private static String argument(String[] args, String name, String environmentVariable, String fallback) {
        return Arrays.stream(args).filter(arg -> arg.startsWith("--" + name + "="))
                .map(arg -> arg.substring(arg.indexOf('=') + 1)).findFirst()
                .orElse(System.getenv().getOrDefault(environmentVariable, fallback));
    }
}
