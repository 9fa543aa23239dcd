package modulith.boundaries.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import modulith.boundaries.sql.IdentityStatements.Kind;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The detector behind R9, on the edges the fixtures do not show: what it must find, and what it must leave alone. */
@Tag("architecture")
class IdentityStatementsTest {

    private static final Optional<String> BILLING = Optional.of("billing");

    private static List<Kind> kindsIn(String sql) {
        return IdentityStatements.in(sql, BILLING).stream().map(IdentityStatements.Finding::kind).toList();
    }

    @Test
    void english_messages_mentioning_grants_users_and_roles_are_not_statements() {
        assertThat(kindsIn("could not grant the request: the account is closed")).isEmpty();
        assertThat(kindsIn("Grant of the welcome credit to \u0001 is pending")).isEmpty();
        assertThat(kindsIn("Create user accounts for new customers")).isEmpty();
        assertThat(kindsIn("Drop user sessions after logout")).isEmpty();
        assertThat(kindsIn("the order was revoked by the customer")).isEmpty();
    }

    @Test
    void comments_are_not_statements() {
        assertThat(kindsIn("-- GRANT SELECT ON accounts TO someone\nSELECT 1")).isEmpty();
        assertThat(kindsIn("/* SET ROLE admin; SET search_path = users */ SELECT balance FROM billing.accounts")).isEmpty();
    }

    @Test
    void row_level_security_and_policies_are_not_identity_statements() {
        assertThat(kindsIn("ALTER TABLE accounts ENABLE ROW LEVEL SECURITY")).isEmpty();
        assertThat(kindsIn("CREATE POLICY own_rows ON accounts TO billing_app USING (true)")).isEmpty();
    }

    @Test
    void a_routine_may_pin_its_search_path_to_its_own_schema_and_the_system_catalog() {
        assertThat(kindsIn("CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$ BEGIN END $$"))
                .isEmpty();
        assertThat(kindsIn("CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql SET search_path = billing, pg_catalog AS $$ SELECT 1 $$"))
                .isEmpty();
        assertThat(kindsIn("ALTER FUNCTION f() SET search_path TO \"billing\"")).isEmpty();
        assertThat(kindsIn("CREATE PROCEDURE p() LANGUAGE sql SET search_path = 'billing' AS $$ SELECT 1 $$")).isEmpty();
    }

    @Test
    void a_routine_pinning_its_search_path_to_another_schema_is_found() {
        assertThat(kindsIn("CREATE FUNCTION f() RETURNS int LANGUAGE sql SET search_path = billing, users AS $$ SELECT 1 $$"))
                .containsExactly(Kind.ROUTINE_SEARCH_PATH);
        assertThat(kindsIn("ALTER PROCEDURE p() SET search_path TO public")).containsExactly(Kind.ROUTINE_SEARCH_PATH);
    }

    @Test
    void setting_the_search_path_inside_a_routine_body_is_a_statement_even_for_the_own_schema() {
        assertThat(kindsIn("CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN SET search_path = billing; END $$"))
                .containsExactly(Kind.SEARCH_PATH);
    }

    @Test
    void statements_inside_do_blocks_and_execute_strings_are_found() {
        assertThat(kindsIn("DO $body$ BEGIN EXECUTE format('GRANT SELECT ON %I TO reporting', 'accounts'); "
                + "IF true THEN CREATE USER reporting; ELSE DROP GROUP IF EXISTS reporting; END IF; END $body$"))
                .containsExactly(Kind.GRANT, Kind.ROLE_DEFINITION, Kind.ROLE_DEFINITION);
    }

    @Test
    void set_config_is_found_whatever_its_quoting_case_and_spacing() {
        assertThat(kindsIn("SELECT PG_CATALOG.\"set_config\" ( 'ROLE' , 'billing_owner', false)")).containsExactly(Kind.ROLE_SWITCH);
        assertThat(kindsIn("select set_config($$search_path$$, 'users', true)")).containsExactly(Kind.SEARCH_PATH);
        assertThat(kindsIn("select set_config('session_authorization', 'x', false)")).containsExactly(Kind.SESSION_AUTHORIZATION);
        assertThat(kindsIn("select set_config('statement_timeout', '5s', true)")).isEmpty();
    }

    @Test
    void every_way_of_switching_the_role_is_found() {
        assertThat(kindsIn("SET role = billing_owner")).containsExactly(Kind.ROLE_SWITCH);
        assertThat(kindsIn("set session role none")).containsExactly(Kind.ROLE_SWITCH);
        assertThat(kindsIn("SET LOCAL \"role\" TO billing_owner")).containsExactly(Kind.ROLE_SWITCH);
        assertThat(kindsIn("BEGIN; SET LOCAL ROLE x; SELECT 1; RESET ROLE; COMMIT")).containsExactly(Kind.ROLE_SWITCH, Kind.ROLE_SWITCH);
    }

    @Test
    void a_text_without_any_keyword_is_skipped_before_any_regular_expression() {
        assertThat(IdentityStatements.mayContain("select id, total from orders.orders where id = ?")).isFalse();
        assertThat(IdentityStatements.mayContain("SET ROLE x")).isTrue();
    }

    // Spring Modulith's per-module Flyway runs every module's scripts on one connection: a script puts its own
    // unqualified names in its own schema with SET search_path TO <own schema>, and that is no identity statement.

    private static List<Kind> kindsInMigration(String sql) {
        return IdentityStatements.inMigration(sql, java.util.Set.of("billing")).stream().map(IdentityStatements.Finding::kind).toList();
    }

    @Test
    void a_migration_may_set_its_own_search_path_to_its_own_schema() {
        assertThat(kindsInMigration("SET search_path TO billing")).isEmpty();
        assertThat(kindsInMigration("set search_path = billing, pg_catalog;\ncreate table accounts (id bigint)")).isEmpty();
        assertThat(kindsInMigration("SET LOCAL search_path TO \"billing\"")).isEmpty();
    }

    @Test
    void a_migration_setting_the_search_path_to_another_schema_is_an_identity_statement() {
        assertThat(kindsInMigration("SET search_path TO users")).containsExactly(Kind.SEARCH_PATH);
        assertThat(kindsInMigration("SET search_path TO billing, public")).containsExactly(Kind.SEARCH_PATH);
        assertThat(kindsInMigration("RESET search_path")).containsExactly(Kind.SEARCH_PATH);
        assertThat(kindsInMigration("DO $$ BEGIN SET search_path TO billing; END $$")).containsExactly(Kind.SEARCH_PATH);
    }

    @Test
    void code_may_not_set_the_search_path_even_to_its_own_schema() {
        assertThat(kindsIn("SET search_path TO billing")).containsExactly(Kind.SEARCH_PATH);
    }
}
