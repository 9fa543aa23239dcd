package dev.bulkhead.platform.database;

import dev.bulkhead.platform.modules.DeclaredModules;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each module's share of the shared event registry (ADR 0025). Spring Modulith keeps one
 * publication table for every module, because a publication is written in the publisher's
 * transaction and completed in the listener's. So a module's app role may record publications for
 * any listener, but reads, completes, changes and deletes only the rows of its own listeners (those
 * whose listener id starts with the module's package), in {@code event_publication} and in the
 * platform's {@code publication_failures}; {@code received_messages} is the platform's alone. The
 * platform's own role (the registry owner's app role, used by the retry, park and admin jobs) sees
 * every row. Row-level security is switched on by the registry's migration V4; the policies name
 * roles, whose prefix is configuration, so they are applied here after every migration run, as the
 * registry's owner role, under a lock that makes instances starting together take turns.
 */
final class RegistryRowAccess {

    static final List<String> MODULE_ROW_TABLES = List.of("event_publication", "publication_failures");

    private static final Logger log = LoggerFactory.getLogger(RegistryRowAccess.class);
    private static final Map<String, String> MODULE_TABLE_PRIVILEGES = Map.of(
            "event_publication", "SELECT, INSERT, UPDATE, DELETE",
            "publication_failures", "SELECT, INSERT");

    private final RoleNames registry;
    private final List<RoleNames> modules;

    RegistryRowAccess(RoleNames registry, List<RoleNames> modules) {
        this.registry = registry;
        this.modules = List.copyOf(modules);
    }

    /** The policies this deployment needs, by table, each name with its CREATE POLICY statement. */
    Map<String, Map<String, String>> policies() {
        Map<String, Map<String, String>> byTable = new LinkedHashMap<>();
        for (String table : MODULE_ROW_TABLES) {
            Map<String, String> policies = new LinkedHashMap<>();
            String qualified = qualified(table);
            String platform = registry.appRole() + "_all_rows";
            policies.put(platform, "CREATE POLICY " + ProvisioningScript.id(platform) + " ON " + qualified + " FOR ALL TO "
                    + ProvisioningScript.id(registry.appRole()) + " USING (true) WITH CHECK (true)");
            for (RoleNames module : modules) {
                String own = "listener_id LIKE " + ProvisioningScript.literal(likePrefix(listenerPackage(module)) + "%");
                String ownRows = module.appRole() + "_own_listeners";
                policies.put(ownRows, "CREATE POLICY " + ProvisioningScript.id(ownRows) + " ON " + qualified + " FOR ALL TO "
                        + ProvisioningScript.id(module.appRole()) + " USING (" + own + ") WITH CHECK (" + own + ")");
                if (table.equals("event_publication")) {
                    String publishes = module.appRole() + "_publishes_for_any_listener";
                    policies.put(publishes, "CREATE POLICY " + ProvisioningScript.id(publishes) + " ON " + qualified
                            + " FOR INSERT TO " + ProvisioningScript.id(module.appRole()) + " WITH CHECK (true)");
                }
            }
            byTable.put(table, policies);
        }
        return byTable;
    }

    /** Grants each module its registry tables and converges the policies; run on a connection that may SET ROLE to the registry owner. */
    void apply(DataSource dataSource) {
        int changed = AsOwner.inTransaction(dataSource, "bulkhead-registry-row-access", registry.ownerRole(), (connection, statement) -> {
            grantTables(statement);
            return convergePolicies(connection, statement);
        });
        log.info("Event registry: {} module role(s) see only their own listeners' rows ({} polic{} created or dropped)",
                modules.size(), changed, changed == 1 ? "y" : "ies");
    }

    private void grantTables(Statement statement) throws SQLException {
        if (modules.isEmpty()) {
            return;
        }
        String grantees = String.join(", ", modules.stream().map(module -> ProvisioningScript.id(module.appRole())).toList());
        statement.execute("REVOKE ALL ON ALL TABLES IN SCHEMA " + ProvisioningScript.id(registry.schema()) + " FROM " + grantees);
        for (Map.Entry<String, String> table : MODULE_TABLE_PRIVILEGES.entrySet()) {
            statement.execute("GRANT " + table.getValue() + " ON " + qualified(table.getKey()) + " TO " + grantees);
        }
    }

    /** Creates the missing policies and drops those of this deployment's roles that are no longer declared. */
    private int convergePolicies(Connection connection, Statement statement) throws SQLException {
        int changed = 0;
        for (Map.Entry<String, Map<String, String>> table : policies().entrySet()) {
            Set<String> existing = existingPolicies(connection, table.getKey());
            for (String name : existing) {
                if (!table.getValue().containsKey(name) && ownedByThisDeployment(name)) {
                    statement.execute("DROP POLICY " + ProvisioningScript.id(name) + " ON " + qualified(table.getKey()));
                    changed++;
                }
            }
            for (Map.Entry<String, String> policy : table.getValue().entrySet()) {
                if (!existing.contains(policy.getKey())) {
                    statement.execute(policy.getValue());
                    changed++;
                }
            }
        }
        return changed;
    }

    private boolean ownedByThisDeployment(String policy) {
        List<String> roles = new ArrayList<>(modules.stream().map(RoleNames::appRole).toList());
        roles.add(registry.appRole());
        return roles.stream().anyMatch(role -> policy.startsWith(role + "_"));
    }

    private Set<String> existingPolicies(Connection connection, String table) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT policyname FROM pg_policies WHERE schemaname = ? AND tablename = ?")) {
            query.setString(1, registry.schema());
            query.setString(2, table);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        return names;
    }

    private String qualified(String table) {
        return ProvisioningScript.id(registry.schema()) + "." + ProvisioningScript.id(table);
    }

    /** Listener ids are {@code <declaring class>.<method>(<parameters>)}: a module's start with its package. */
    static String listenerPackage(RoleNames module) {
        return DeclaredModules.application().named(module.owner())
                .map(declared -> declared.basePackage() + ".")
                .orElseThrow(() -> new IllegalStateException("no module " + module.owner() + " in the module model"));
    }

    private static String likePrefix(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
