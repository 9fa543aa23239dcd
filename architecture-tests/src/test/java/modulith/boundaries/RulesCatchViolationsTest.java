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
                        .contains("order → billing.invoices: names billing.invoices"));
        assertThat(result.warnings()).extracting(Violation::message).anySatisfy(warning -> assertThat(warning)
                .startsWith("R6.migration.unchecked V1__orders.sql:14 ")
                .contains("JSqlParser does not support this kind of statement"));
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
}
