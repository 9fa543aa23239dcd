package modulith.boundaries.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The most ordinary PostgreSQL migration statements, each with every name it holds: parsed by JSqlParser where it
 * can, analysed by the PostgreSQL fallback where it cannot, never only scanned. Unqualified names come back without a
 * schema ({@code -.name}): the migration rule resolves them through the search path in force. Unqualified function
 * calls are left out unless listed: they resolve through {@code pg_catalog} first.
 */
@Tag("architecture")
class MigrationStatementsTest {

    static Stream<Arguments> statements() {
        return Stream.of(
                named("SET search_path TO inventory", "SEARCH_PATH inventory"),
                named("SET search_path = inventory, pg_catalog", "SEARCH_PATH inventory", "SEARCH_PATH pg_catalog"),
                named("create sequence inventory_id_seq start with 100 increment by 50", "TABLE -.inventory_id_seq"),
                named("CREATE SEQUENCE IF NOT EXISTS users.user_id_seq", "TABLE users.user_id_seq"),
                named("ALTER SEQUENCE user_id_seq OWNED BY users.id", "TABLE -.user_id_seq", "TABLE -.users"),
                named("ALTER SEQUENCE orders.order_seq OWNED BY orders.orders.id", "TABLE orders.order_seq", "TABLE orders.orders"),
                named("create table inventory (id bigint not null default nextval('inventory.inventory_id_seq'), "
                        + "product_code text not null unique, primary key (id))", "TABLE -.inventory", "TABLE inventory.inventory_id_seq"),
                named("CREATE TABLE products (id bigint primary key default nextval('product_seq'), "
                        + "created_at timestamp not null default current_timestamp)", "TABLE -.products", "TABLE -.product_seq"),
                named("create table rentals (id bigint not null default nextval('rentals.rental_id_seq'::regclass))",
                        "TABLE -.rentals", "TABLE rentals.rental_id_seq"),
                named("CREATE TABLE idempotency_keys (caller VARCHAR(100) NOT NULL, key VARCHAR(200) NOT NULL, PRIMARY KEY (caller, key))",
                        "TABLE -.idempotency_keys"),
                named("CREATE TABLE invoices (id UUID PRIMARY KEY, user_id UUID NOT NULL REFERENCES users.users (id))",
                        "TABLE -.invoices", "TABLE users.users"),
                named("DO $$ BEGIN UPDATE fleet.bikes SET retired = false; INSERT INTO audit (id) VALUES (1); END $$",
                        "TABLE fleet.bikes", "TABLE -.audit"),
                named("DO $$ BEGIN EXECUTE 'DELETE FROM billing.payments'; END $$", "TABLE billing.payments"),
                named("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_indexes WHERE indexname = 'i') THEN "
                        + "CREATE INDEX i ON customers.customers (name); END IF; END $$",
                        "TABLE pg_catalog.pg_indexes", "TABLE customers.customers"),
                named("CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ DECLARE v BIGINT; BEGIN "
                        + "SELECT balance INTO v FROM accounts WHERE id = NEW.id; RETURN NEW; END $$",
                        "ROUTINE -.touch", "TABLE -.accounts", "QUALIFIED_NAME new.id"),
                named("CREATE OR REPLACE FUNCTION models_like(pattern TEXT) RETURNS SETOF TEXT LANGUAGE sql STABLE AS "
                        + "$$ SELECT model FROM fleet.bikes WHERE extensions.similarity(model, pattern) > 0.3 $$",
                        "ROUTINE -.models_like", "TABLE fleet.bikes", "FUNCTION extensions.similarity"),
                named("CREATE TRIGGER t BEFORE UPDATE OR DELETE ON ledger_entries FOR EACH ROW EXECUTE FUNCTION append_only()",
                        "TABLE -.ledger_entries", "FUNCTION -.append_only"),
                named("CREATE CONSTRAINT TRIGGER t AFTER INSERT ON accounts DEFERRABLE INITIALLY DEFERRED "
                        + "FOR EACH ROW EXECUTE FUNCTION billing.balance_matches()", "TABLE -.accounts", "FUNCTION billing.balance_matches"),
                named("COMMENT ON TABLE orders.orders IS 'every order'", "TABLE orders.orders"),
                named("COMMENT ON COLUMN orders.status IS 'where the order stands'", "TABLE -.orders"),
                named("COMMENT ON COLUMN billing.accounts.balance IS 'x'", "TABLE billing.accounts"),
                named("COMMENT ON FUNCTION billing.touch() IS 'x'", "ROUTINE billing.touch"),
                named("ALTER TABLE orders OWNER TO orders_owner", "TABLE -.orders"),
                named("ALTER SEQUENCE order_seq OWNER TO orders_owner", "TABLE -.order_seq"),
                named("ALTER FUNCTION billing.touch() OWNER TO CURRENT_USER", "ROUTINE billing.touch"),
                named("CREATE UNIQUE INDEX one_charge ON ledger_entries (charge_reference) WHERE kind = 'CHARGE'", "TABLE -.ledger_entries"),
                named("CREATE INDEX IF NOT EXISTS bikes_by_name ON fleet.bikes USING gin (model extensions.gin_trgm_ops) WHERE NOT retired",
                        "TABLE fleet.bikes", "QUALIFIED_NAME extensions.gin_trgm_ops"),
                named("CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA extensions", "EXTENSION extensions.pg_trgm"),
                named("CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\"", "EXTENSION -.uuid-ossp"),
                named("ALTER TABLE ledger_entries DISABLE TRIGGER ledger_entries_append_only", "TABLE -.ledger_entries"),
                named("ALTER TABLE event_publication ENABLE ROW LEVEL SECURITY", "TABLE -.event_publication"),
                named("ALTER TABLE orders SET SCHEMA billing", "TABLE -.orders", "SCHEMA billing"),
                named("CREATE TYPE mood AS ENUM ('happy', 'sad')", "TABLE -.mood"),
                named("CREATE POLICY own ON events.event_publication FOR SELECT TO r USING (listener_id LIKE 'x%')",
                        "TABLE events.event_publication"),
                named("GRANT SELECT ON orders.orders TO reporting", "TABLE orders.orders"),
                named("GRANT USAGE ON SCHEMA orders TO reporting", "SCHEMA orders"),
                named("SELECT setval('orders.order_seq', 100)", "TABLE orders.order_seq"),
                named("VACUUM ANALYZE orders.orders", "TABLE orders.orders"),
                named("CREATE SCHEMA IF NOT EXISTS catalog", "SCHEMA catalog"));
    }

    private static Arguments named(String sql, String... names) {
        return Arguments.of(sql, List.of(names));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("statements")
    void every_name_of_an_ordinary_postgresql_statement_is_found_and_the_statement_counts_as_checked(String sql, List<String> names) {
        MigrationStatements.Analysis analysis = MigrationStatements.of(sql);

        assertThat(analysis.checked()).as(analysis.method() + " " + analysis.problem()).isTrue();
        assertThat(analysis.references().stream()
                .filter(reference -> reference.kind() != TableReference.Kind.FUNCTION || reference.schema() != null
                        || names.contains("FUNCTION -." + reference.name()))
                .map(reference -> reference.kind() + " " + (reference.schema() == null ? "-" : reference.schema()) + "." + reference.name())
                .map(name -> name.startsWith("SCHEMA ") || name.startsWith("SEARCH_PATH ") ? name.substring(0, name.indexOf(' ') + 1)
                        + name.substring(name.indexOf('.') + 1) : name)
                .distinct().toList())
                .containsExactlyInAnyOrderElementsOf(names);
    }

    @Test
    void set_search_path_changes_where_the_next_statements_names_go_and_reset_returns_to_the_start() {
        assertThat(MigrationStatements.of("SET search_path TO rentals, public").searchPath()).get()
                .extracting(PostgresFallback.SearchPathChange::schemas).isEqualTo(List.of("rentals", "public"));
        assertThat(MigrationStatements.of("RESET search_path").searchPath()).get()
                .extracting(PostgresFallback.SearchPathChange::reset).isEqualTo(true);
        assertThat(MigrationStatements.of("SELECT pg_catalog.set_config('search_path', 'users', false)").searchPath()).get()
                .extracting(PostgresFallback.SearchPathChange::schemas).isEqualTo(List.of("users"));
        assertThat(MigrationStatements.of("SET lock_timeout = '5s'").searchPath()).isEmpty();
    }

    @Test
    void a_statement_of_a_kind_neither_reader_knows_is_only_scanned_and_says_why() {
        MigrationStatements.Analysis analysis = MigrationStatements.of(
                "CREATE OPERATOR billing.=== (LEFTARG = int, RIGHTARG = int, FUNCTION = users.same)");

        assertThat(analysis.method()).isEqualTo(MigrationStatements.Method.SCANNED);
        assertThat(analysis.problem()).isNotBlank();
        assertThat(analysis.references()).extracting(TableReference::display).contains("users.same");
    }

    @Test
    void words_in_strings_comments_and_raise_messages_are_not_names() {
        MigrationStatements.Analysis analysis = MigrationStatements.of("DO $$ BEGIN -- FROM users.users\n"
                + "RAISE EXCEPTION 'billing.ledger_entries is append-only: % refused', TG_OP; END $$");

        assertThat(analysis.checked()).isTrue();
        assertThat(analysis.references()).isEmpty();
    }
}
