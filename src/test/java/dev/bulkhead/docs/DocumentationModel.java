package dev.bulkhead.docs;

import dev.bulkhead.platform.database.RoleNames;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything the pages show, gathered once from the code, the running application and its database. */
record DocumentationModel(List<DocumentedModule> modules, EventGraph events, List<RoleNames> owners,
        Map<String, List<SchemaCatalog.Table>> tablesBySchema, List<RolePrivileges.Grant> grants,
        List<RolePrivileges.Membership> memberships, List<RolePrivileges.Policy> registryPolicies,
        List<SchemaCatalog.CrossSchemaReference> crossings, Map<String, ExtractionReadiness> readiness,
        Map<String, List<HttpApi.Endpoint>> endpointsByModule, BoundaryRules rules) {

    Optional<ExtractionReadiness> readinessOf(String module) {
        return Optional.ofNullable(readiness.get(module));
    }

    List<HttpApi.Endpoint> endpointsOf(String module) {
        return endpointsByModule.getOrDefault(module, List.of());
    }

    static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
