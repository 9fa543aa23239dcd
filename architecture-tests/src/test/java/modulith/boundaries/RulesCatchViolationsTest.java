package modulith.boundaries;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Each rule fails on the violating fixture {@code fixture.shop}, with a message that names the
 * place, the boundary and the fix.
 */
@Tag("architecture")
class RulesCatchViolationsTest {

    private static List<String> messages(BoundaryRule rule) {
        List<String> messages = Shops.check(Shops.violating(), rule).violations().stream().map(Violation::message).toList();
        messages.forEach(System.out::println);
        return messages;
    }

    @Test
    void using_another_modules_internal_type_breaks_the_published_api_rule() {
        assertThat(messages(RuleCatalog.PUBLISHED_API)).anySatisfy(message -> assertThat(message)
                .startsWith("R1.api Invoicing.java:")
                .contains("billing → user: uses user's internal type UserRepository")
                .contains("Instead: use `UserApi.findById` from user's published API (package fixture.shop.user)"));
    }

    @Test
    void billing_and_order_depending_on_each_other_form_a_cycle() {
        assertThat(messages(RuleCatalog.NO_CYCLES)).singleElement().satisfies(message -> assertThat(message)
                .startsWith("R1.cycle ")
                .contains("billing → order → billing: the modules depend on each other in a cycle")
                .contains("Instead: break one edge"));
    }

    @Test
    void billing_injecting_the_user_repository_breaks_the_persistence_rule() {
        assertThat(messages(RuleCatalog.FOREIGN_PERSISTENCE))
                .anySatisfy(message -> assertThat(message)
                        .matches("R2\\.persistence Invoicing\\.java:\\d+ .*")
                        .contains("billing → user: uses user's Spring Data repository UserRepository")
                        .contains("Instead: call `UserApi.findById` (user's published API), or keep the data billing needs"))
                .anySatisfy(message -> assertThat(message)
                        .contains("Checkout.java:")
                        .contains("order → user: queries user's entity User through the EntityManager"))
                .anySatisfy(message -> assertThat(message)
                        .contains("Checkout.java:")
                        .contains("order → billing: injects billing's database bean 'billingDataSource'"));
    }

    @Test
    void an_order_entity_holding_a_user_breaks_the_reference_by_id_rule() {
        assertThat(messages(RuleCatalog.REFERENCE_BY_ID)).singleElement().satisfies(message -> assertThat(message)
                .matches("R3\\.reference Order\\.java:\\d+ .*")
                .contains("order → user: Order.customer holds user's User")
                .contains("Instead: store the `UserId`, not the `User`"));
    }

    @Test
    void entities_without_a_schema_or_in_another_schema_break_the_mapping_rule() {
        assertThat(messages(RuleCatalog.OWN_SCHEMA_MAPPING))
                .anySatisfy(message -> assertThat(message)
                        .matches("R4\\.mapping Invoice\\.java:\\d+ .*")
                        .contains("billing → (default schema): @Table of Invoice names no schema")
                        .contains("Instead: name the schema explicitly: schema = \"billing\""))
                .anySatisfy(message -> assertThat(message)
                        .contains("order → (default schema): @CollectionTable of Order.notes names no schema"))
                .anySatisfy(message -> assertThat(message)
                        .contains("order → billing: @Table of OrderArchive maps to module billing's schema billing instead of order's orders"));
    }

    @Test
    void queries_reaching_into_other_schemas_break_the_sql_rule() {
        assertThat(messages(RuleCatalog.OWN_SCHEMA_QUERIES))
                .anySatisfy(message -> assertThat(message)
                        .matches("R5\\.sql OrderRepository\\.java:\\d+ .*")
                        .contains("order → users.users: SQL touches user's table users.users (\"SELECT o.* FROM users.users u JOIN orders.orders o"))
                .anySatisfy(message -> assertThat(message)
                        .contains("(fixture.shop.order.internal.OrderRepository.findByCustomerEmail)")
                        .contains("order → user: JPQL reads user's entity User (\"select o from Order o join User u"))
                .anySatisfy(message -> assertThat(message)
                        .contains("(fixture.shop.order.internal.OrderRepository.findByCustomerPath)")
                        .contains("order → user: JPQL reads user's entity User (\"select o from Order o join o.customer c"))
                .anySatisfy(message -> assertThat(message)
                        .matches("R5\\.sql AccountBalances\\.java:10 .*")
                        .contains("order → billing.accounts: SQL touches billing's table billing.accounts (\"select * from billing.accounts\")")
                        .contains("Instead: get the data from `BillingApi.findBalance` (billing's published API), or keep a copy in order's own schema (orders)"));
    }

    @Test
    void migrations_reaching_into_other_schemas_break_the_migration_rule() {
        RuleResult result = Shops.check(Shops.violating(), RuleCatalog.OWN_SCHEMA_MIGRATIONS);
        assertThat(messages(RuleCatalog.OWN_SCHEMA_MIGRATIONS))
                .anySatisfy(message -> assertThat(message)
                        .startsWith("R6.migration V1__invoices.sql:2 ")
                        .contains("billing → users.users: names users.users in module user's schema users (\"CREATE TABLE invoices")
                        .contains("Instead: touch only billing's schema billing"))
                .anySatisfy(message -> assertThat(message)
                        .startsWith("R6.migration V1__invoices.sql:9 ")
                        .contains("billing → users.users: names users.users"))
                .anySatisfy(message -> assertThat(message)
                        .startsWith("R6.migration V1__orders.sql:8 ")
                        .contains("order → users.users: names users.users"))
                .anySatisfy(message -> assertThat(message)
                        .startsWith("R6.migration V1__orders.sql:14 ")
                        .contains("order → billing.invoices: names billing.invoices")
                        .contains("(\"CREATE TRIGGER orders_follow_invoices AFTER INSERT ON billing.invoi"))
                .anySatisfy(message -> assertThat(message)
                        .startsWith("R6.migration V2__borrowed_identity.sql:3 ")
                        .contains("billing → users: sets the search path to module user's schema users, so unqualified names go there"))
                .anySatisfy(message -> assertThat(message)
                        .startsWith("R6.migration V2__borrowed_identity.sql:5 ")
                        .contains("billing → users: sets the search path to module user's schema users")
                        .contains("set_config('search_path', 'users', false)"));
        assertThat(result.warnings()).as("statements only scanned: the trigger is analysed, not skipped").isEmpty();
        assertThat(result.notes()).singleElement().asString().endsWith(", 0 only scanned");
    }

    @Test
    void order_calling_a_mutating_method_of_the_user_api_breaks_the_read_only_api_rule() {
        assertThat(messages(RuleCatalog.READ_ONLY_API))
                .anySatisfy(message -> assertThat(message)
                        .matches("R7\\.read-only-api UserApi\\.java:\\d+ .*")
                        .contains("user's published API: offers UserApi.register to other modules, but it changes user's state "
                                + "(named like a change ('register'); @Transactional without readOnly on UserService.register)"))
                .anySatisfy(message -> assertThat(message)
                        .matches("R7\\.read-only-api Checkout\\.java:\\d+ .*")
                        .contains("order → user: calls UserApi.register, which changes user's state")
                        .contains("Instead: publish an event from order (a record in order's root package) and listen for it in user"));
    }

    @Test
    void a_billing_listener_changing_user_state_breaks_the_listener_rule() {
        assertThat(messages(RuleCatalog.LISTENER_HOME)).singleElement().satisfies(message -> assertThat(message)
                .matches("R7\\.listener UserWelcome\\.java:\\d+ .*")
                .contains("billing → user: listener UserWelcome.on in billing changes user's state through UserApi.register")
                .contains("Instead: move the listener into user"));
    }

    @Test
    void an_internal_mutable_event_breaks_the_event_type_rule() {
        assertThat(messages(RuleCatalog.EVENT_TYPES))
                .anySatisfy(message -> assertThat(message)
                        .matches("R7\\.event InvoiceIssued\\.java:\\d+ .*")
                        .contains("event InvoiceIssued lives in fixture.shop.billing.internal, which other modules may not use")
                        .contains("Instead: move InvoiceIssued to fixture.shop.billing"))
                .anySatisfy(message -> assertThat(message)
                        .contains("event InvoiceIssued is mutable: field orderId is not final")
                        .contains("Instead: make InvoiceIssued a record, or make every field final"));
    }

    // R9: one test per form. The fixture's billing borrows the user module's identity, order hands out
    // privileges, and the migrations do both; only fixture.shop.platform.database may provision.

    private static final String PROVISIONING_ADVICE = "Instead: a module's connections already run as its own role with its "
            + "own search path; leave roles, grants and search paths to the provisioning code (fixture.shop.platform.database)";

    private static List<String> identityMessages() {
        return IdentityFindings.MESSAGES;
    }

    /** Checked (and printed) once, when the first R9 test asks: every R9 test reads the same findings. */
    private static final class IdentityFindings {
        static final List<String> MESSAGES = messages(RuleCatalog.DATABASE_IDENTITY);
    }

    @Test
    void a_plain_set_role_literal_breaks_the_identity_rule() {
        assertThat(identityMessages()).anySatisfy(message -> assertThat(message)
                .startsWith("R9.identity UserDataAccess.java:26 (fixture.shop.billing.internal.UserDataAccess) ")
                .contains("billing → database identity: sends SQL that switches the session's role (\"SET ROLE shop_user_app\")")
                .contains(PROVISIONING_ADVICE)
                .endsWith("qualify names with billing's own schema billing"));
    }

    @Test
    void set_role_assembled_from_a_static_final_constant_breaks_the_identity_rule() {
        assertThat(identityMessages()).anySatisfy(message -> assertThat(message)
                .startsWith("R9.identity UserDataAccess.java:30 ")
                .contains("switches the session's role (\"SET ROLE shop_order_app\")"));
    }

    @Test
    void set_role_concatenated_with_a_run_time_value_breaks_the_identity_rule() {
        assertThat(identityMessages()).anySatisfy(message -> assertThat(message)
                .startsWith("R9.identity UserDataAccess.java:34 ")
                .contains("switches the session's role (\"SET LOCAL ROLE <value>\")"));
    }

    @Test
    void a_text_block_setting_the_search_path_with_set_config_breaks_the_identity_rule() {
        assertThat(identityMessages()).anySatisfy(message -> assertThat(message)
                .startsWith("R9.identity UserDataAccess.java:16 ")
                .contains("billing → database identity: sends SQL that changes the search path "
                        + "(\"SELECT set_config('search_path', 'users', true)\")"));
    }

    @Test
    void a_set_search_path_statement_breaks_the_identity_rule() {
        assertThat(identityMessages()).anySatisfy(message -> assertThat(message)
                .startsWith("R9.identity UserDataAccess.java:38 ")
                .contains("changes the search path (\"set search_path to users\")"));
    }

    @Test
    void set_session_authorization_breaks_the_identity_rule() {
        assertThat(identityMessages()).anySatisfy(message -> assertThat(message)
                .startsWith("R9.identity UserDataAccess.java:46 ")
                .contains("switches the session authorization (\"SET SESSION AUTHORIZATION shop_user_owner\")"));
    }

    @Test
    void reset_role_breaks_the_identity_rule() {
        assertThat(identityMessages()).anySatisfy(message -> assertThat(message)
                .startsWith("R9.identity UserDataAccess.java:50 ")
                .contains("switches the session's role (\"RESET ROLE\")"));
    }

    @Test
    void a_native_query_setting_the_role_with_set_config_breaks_the_identity_rule() {
        assertThat(identityMessages()).anySatisfy(message -> assertThat(message)
                .startsWith("R9.identity InvoiceSessions.java:10 (fixture.shop.billing.internal.InvoiceSessions.actAsUserModule) ")
                .contains("switches the session's role (\"select pg_catalog.set_config('role', 'shop_user_app', false)\")"));
    }

    @Test
    void granting_privileges_breaks_the_identity_rule() {
        assertThat(identityMessages()).anySatisfy(message -> assertThat(message)
                .startsWith("R9.identity OrderPrivileges.java:15 (fixture.shop.order.internal.OrderPrivileges) ")
                .contains("order → database identity: sends SQL that grants privileges (\"GRANT SELECT ON orders.orders TO shop_billing_app\")")
                .contains("Instead: other modules get order's data through its published API or its events, never through a grant"));
    }

    @Test
    void revoking_privileges_breaks_the_identity_rule() {
        assertThat(identityMessages()).anySatisfy(message -> assertThat(message)
                .startsWith("R9.identity OrderPrivileges.java:19 ")
                .contains("revokes privileges (\"REVOKE ALL ON orders.orders FROM PUBLIC\")"));
    }

    @Test
    void creating_a_role_breaks_the_identity_rule() {
        assertThat(identityMessages()).anySatisfy(message -> assertThat(message)
                .startsWith("R9.identity OrderPrivileges.java:23 ")
                .contains("creates, alters or drops a role (\"CREATE ROLE shop_order_reporting NOLOGIN\")"));
    }

    @Test
    void altering_default_privileges_breaks_the_identity_rule() {
        assertThat(identityMessages()).anySatisfy(message -> assertThat(message)
                .startsWith("R9.identity OrderPrivileges.java:27 ")
                .contains("changes default privileges (\"ALTER DEFAULT PRIVILEGES IN SCHEMA orders GRANT SELECT ON TABLES"));
    }

    @Test
    void a_security_definer_function_breaks_the_identity_rule() {
        assertThat(identityMessages()).anySatisfy(message -> assertThat(message)
                .startsWith("R9.identity OrderPrivileges.java:31 ")
                .contains("declares a SECURITY DEFINER routine, which runs with its owner's privileges "
                        + "(\"CREATE FUNCTION orders.order_count(…) … SECURITY DEFINER\")")
                .contains("Instead: let the routine run with its caller's privileges (SECURITY INVOKER, the default)"));
    }

    @Test
    void platform_code_outside_the_provisioning_package_breaks_the_identity_rule() {
        assertThat(identityMessages()).anySatisfy(message -> assertThat(message)
                .startsWith("R9.identity TenantSessions.java:15 (fixture.shop.platform.tenancy.TenantSessions) ")
                .contains("platform → database identity: sends SQL that switches the session's role (\"SET ROLE shop_tenant_app\")")
                .contains("platform owns no schema"));
    }

    @Test
    void the_provisioning_package_may_create_roles_grant_and_switch_roles() {
        assertThat(identityMessages()).noneSatisfy(message -> assertThat(message).contains("RoleProvisioning"));
    }

    @Test
    void a_migration_granting_its_table_to_another_modules_role_breaks_the_identity_rule() {
        assertThat(identityMessages())
                .anySatisfy(message -> assertThat(message)
                        .startsWith("R9.identity V2__share_users_with_billing.sql:2 ")
                        .contains("user → database identity: the migration grants privileges (\"GRANT SELECT ON users TO shop_billing_app\")")
                        .contains("Instead: other modules get user's data through its published API or its events, never through a grant"))
                .anySatisfy(message -> assertThat(message)
                        .startsWith("R9.identity V2__share_users_with_billing.sql:5 ")
                        .contains("grants privileges (\"GRANT shop_user_app TO shop_billing_app\")"));
    }

    @Test
    void a_do_block_creating_a_role_and_granting_through_execute_breaks_the_identity_rule() {
        assertThat(identityMessages())
                .anySatisfy(message -> assertThat(message)
                        .startsWith("R9.identity V2__reporting_role.sql:5 ")
                        .contains("order → database identity: the migration creates, alters or drops a role "
                                + "(\"CREATE ROLE shop_order_reporting NOLOGIN\")"))
                .anySatisfy(message -> assertThat(message)
                        .startsWith("R9.identity V2__reporting_role.sql:7 ")
                        .contains("grants privileges (\"GRANT USAGE ON SCHEMA orders TO shop_order_reporting\")"));
    }

    @Test
    void a_migration_changing_privileges_and_roles_breaks_the_identity_rule() {
        assertThat(identityMessages())
                .anySatisfy(message -> assertThat(message).startsWith("R9.identity V2__reporting_role.sql:12 ")
                        .contains("changes default privileges (\"ALTER DEFAULT PRIVILEGES IN SCHEMA orders"))
                .anySatisfy(message -> assertThat(message).startsWith("R9.identity V2__reporting_role.sql:15 ")
                        .contains("revokes privileges (\"REVOKE ALL ON orders FROM PUBLIC\")"))
                .anySatisfy(message -> assertThat(message).startsWith("R9.identity V2__reporting_role.sql:16 ")
                        .contains("creates, alters or drops a role (\"ALTER ROLE shop_order_reporting CONNECTION LIMIT 2\")"))
                .anySatisfy(message -> assertThat(message).startsWith("R9.identity V2__reporting_role.sql:17 ")
                        .contains("creates, alters or drops a role (\"DROP ROLE IF EXISTS shop_order_legacy\")"));
    }

    @Test
    void a_migration_switching_roles_breaks_the_identity_rule() {
        assertThat(identityMessages())
                .anySatisfy(message -> assertThat(message)
                        .startsWith("R9.identity V2__borrowed_identity.sql:2 (architecture-tests/fixtures/resources/fixture-migrations/shop/billing/V2__borrowed_identity.sql) ")
                        .contains("billing → database identity: the migration switches the session's role (\"SET ROLE shop_user_owner\")"))
                .anySatisfy(message -> assertThat(message).startsWith("R9.identity V2__borrowed_identity.sql:4 ")
                        .contains("switches the session's role (\"RESET ROLE\")"));
    }

    @Test
    void a_migration_changing_the_search_path_breaks_the_identity_rule() {
        assertThat(identityMessages())
                .anySatisfy(message -> assertThat(message).startsWith("R9.identity V2__borrowed_identity.sql:3 ")
                        .contains("changes the search path (\"SET search_path TO users\")"))
                .anySatisfy(message -> assertThat(message).startsWith("R9.identity V2__borrowed_identity.sql:5 ")
                        .contains("changes the search path (\"SELECT pg_catalog.set_config('search_path', 'users', false)\")"));
    }

    @Test
    void a_migration_switching_or_discarding_the_session_authorization_breaks_the_identity_rule() {
        assertThat(identityMessages())
                .anySatisfy(message -> assertThat(message).startsWith("R9.identity V2__borrowed_identity.sql:6 ")
                        .contains("switches the session authorization (\"SET SESSION AUTHORIZATION shop_user_owner\")"))
                .anySatisfy(message -> assertThat(message).startsWith("R9.identity V2__borrowed_identity.sql:7 ")
                        .contains("switches the session authorization (\"RESET SESSION AUTHORIZATION\")"))
                .anySatisfy(message -> assertThat(message).startsWith("R9.identity V2__borrowed_identity.sql:8 ")
                        .contains("resets the session, session authorization included (DISCARD ALL) (\"DISCARD ALL\")"));
    }

    @Test
    void a_security_definer_function_in_a_migration_breaks_the_identity_rule() {
        assertThat(identityMessages()).anySatisfy(message -> assertThat(message)
                .startsWith("R9.identity V3__invoice_functions.sql:4 ")
                .contains("the migration declares a SECURITY DEFINER routine, which runs with its owner's privileges "
                        + "(\"CREATE FUNCTION invoice_count(…) … SECURITY DEFINER\")"));
    }

    @Test
    void a_function_pinning_its_search_path_to_another_modules_schema_breaks_the_identity_rule() {
        assertThat(identityMessages()).anySatisfy(message -> assertThat(message)
                .startsWith("R9.identity V3__invoice_functions.sql:11 ")
                .contains("the migration pins a routine's search path to a schema other than its module's "
                        + "(\"CREATE FUNCTION invoice_recipient(…) … SET search_path = users, pg_catalog\")")
                .contains("Instead: pin the routine to billing's own schema: SET search_path FROM CURRENT, "
                        + "or SET search_path = billing, pg_catalog"));
    }

    @Test
    void a_function_pinning_its_search_path_to_its_own_schema_keeps_the_identity_rule() {
        assertThat(identityMessages())
                .noneSatisfy(message -> assertThat(message).startsWith("R9.identity V3__invoice_functions.sql:5 ")) // FROM CURRENT
                .noneSatisfy(message -> assertThat(message).startsWith("R9.identity V3__invoice_functions.sql:17 ")); // billing, pg_catalog
    }

    @Test
    void a_shared_schemas_migration_granting_privileges_breaks_the_identity_rule() {
        assertThat(identityMessages()).anySatisfy(message -> assertThat(message)
                .startsWith("R9.identity V2__publication_grants.sql:2 ")
                .contains("events → database identity: the migration grants privileges (\"GRANT SELECT ON event_publication TO PUBLIC\")"));
    }
}
