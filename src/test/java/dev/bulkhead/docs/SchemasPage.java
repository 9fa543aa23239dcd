package dev.bulkhead.docs;

import dev.bulkhead.platform.database.RoleNames;
import java.util.List;

/** Schema ownership: per owner its schema, tables, columns, constraints, and the privileges of every role on it. */
final class SchemasPage {

    private SchemasPage() {
    }

    static String render(DocumentationModel model) {
        Html html = Html.page("Schemas and roles");
        html.paragraph("Read from the real PostgreSQL after provisioning and the application's migrations ran. "
                + "Privileges are PostgreSQL's own answer (has_schema_privilege, has_table_privilege) for each module "
                + "role on each schema; an empty cell means no access at all.");
        html.element("h2", "Logins and role memberships");
        html.paragraph("Each module's pool logs in as its own login role, a member of that module's app role and of "
                + "nothing else; the migration login holds the owner roles and is used only at start-up (ADR 0025). "
                + "Read from pg_auth_members; superusers, which need no membership, are left out.");
        html.table(List.of("role", "member", "member kind"), model.memberships().stream()
                .map(membership -> List.of(membership.role(), membership.member(), membership.login() ? "login" : "role"))
                .toList());
        html.element("h2", "Event registry: row-level security");
        html.paragraph("Every module records publications for any listener, but reads, completes, changes and deletes only "
                + "the rows of its own listeners; the platform's role sees all rows. Read from pg_policies.");
        html.table(List.of("table", "policy", "role", "command", "rows it reaches", "rows it may write"),
                model.registryPolicies().stream().map(policy -> List.of(policy.table(), policy.name(), policy.roles(),
                        policy.command(), policy.using(), policy.withCheck())).toList());
        html.element("h2", "Cross-schema references");
        html.table(List.of("kind", "from", "to"), model.crossings().stream()
                .map(reference -> List.of(reference.kind(), reference.from(), reference.to())).toList());
        for (RoleNames owner : model.owners()) {
            html.open("h2", "id", owner.schema()).text("Schema " + owner.schema() + " (owner: " + owner.owner() + ")").close("h2");
            html.table(List.of("owner role (migrations)", "app role (the module's connections)", "migrations"),
                    List.of(List.of(owner.ownerRole(), owner.appRole(), "db/" + owner.owner() + "/")));
            html.element("h3", "Privileges on " + owner.schema());
            html.table(List.of("role", "on the schema", "on its tables"), model.grants().stream()
                    .filter(grant -> grant.schema().equals(owner.schema()))
                    .map(grant -> List.of(grant.role(), String.join(", ", grant.schemaPrivileges()),
                            String.join("; ", grant.tablePrivileges())))
                    .toList());
            for (SchemaCatalog.Table table : model.tablesBySchema().getOrDefault(owner.schema(), List.of())) {
                html.element("h3", owner.schema() + "." + table.name());
                if (table.isMigrationHistory()) {
                    html.paragraph("Flyway's migration history of this schema; only the owner role touches it.");
                    continue;
                }
                html.table(List.of("column", "type", "null"), table.columns().stream()
                        .map(column -> List.of(column.name(), column.type(), column.nullable() ? "nullable" : "not null"))
                        .toList());
                html.list(table.constraints());
            }
        }
        return html.end();
    }
}
