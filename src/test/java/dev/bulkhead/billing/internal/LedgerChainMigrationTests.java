package dev.bulkhead.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.testing.MigratedSchema;
import dev.bulkhead.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Billing's own migrations, run on a real PostgreSQL into a schema of this test's own: ledgers written before the
 * ledger became a chain (V4) are numbered and given their running balances by the migration, in the order their
 * entries happened, and new entries continue each chain.
 */
class LedgerChainMigrationTests {

    private static final String SCHEMA = "billing_ledger_chain_migration";

    private static final String ADA = "00000000-0000-0000-0000-0000000000ad";
    private static final String BOB = "00000000-0000-0000-0000-0000000000b0";
    private static final String EVE = "00000000-0000-0000-0000-0000000000e0";

    private final MigratedSchema schema = new MigratedSchema(SCHEMA, "classpath:db/billing",
            TestDatabase.newDatabase("ledger-chain"));
    private final JdbcClient jdbc = schema.jdbc();

    @AfterEach
    void dropSchema() {
        schema.drop();
    }

    @Test
    void numbers_existing_ledgers_in_the_order_their_entries_happened_and_new_entries_continue_them() {
        schema.migrateTo("3");
        inOneTransaction("""
                insert into %1$s.accounts (user_id, email, name, active, currency, balance_minor, opened_at, version) values
                    ('%2$s', 'ada@example.com', 'Ada', true, 'EUR', 5300, '2024-01-01T00:00:00Z', 0),
                    ('%3$s', 'bob@example.com', 'Bob', true, 'EUR', 700, '2024-01-01T00:00:00Z', 0),
                    ('%4$s', 'eve@example.com', 'Eve', true, 'EUR', 0, '2024-01-01T00:00:00Z', 0);
                -- written in another order than they happened; two of Ada's entries happened at the same instant
                insert into %1$s.ledger_entries (id, user_id, kind, amount_minor, currency, charge_reference, occurred_at) values
                    ('00000000-0000-0000-0000-000000000004', '%2$s', 'REFUND', 1200, 'EUR', '00000000-0000-0000-0000-0000000000c1', '2024-01-04T00:00:00Z'),
                    ('00000000-0000-0000-0000-000000000003', '%2$s', 'TOP_UP', 300, 'EUR', null, '2024-01-03T00:00:00Z'),
                    ('00000000-0000-0000-0000-000000000005', '%3$s', 'TOP_UP', 700, 'EUR', null, '2024-01-02T12:00:00Z'),
                    ('00000000-0000-0000-0000-000000000002', '%2$s', 'CHARGE', -1200, 'EUR', '00000000-0000-0000-0000-0000000000c1', '2024-01-03T00:00:00Z'),
                    ('00000000-0000-0000-0000-000000000001', '%2$s', 'TOP_UP', 5000, 'EUR', null, '2024-01-02T00:00:00Z');
                """.formatted(SCHEMA, ADA, BOB, EVE));

        schema.migrateTo("latest");

        // by (occurred_at, id): the charge (…02) before the top-up (…03) of the same instant
        assertThat(chain(ADA)).containsExactly("1:5000:01", "2:3800:02", "3:4100:03", "4:5300:04");
        assertThat(chain(BOB)).containsExactly("1:700:05");
        assertThat(chain(EVE)).isEmpty();

        jdbc.sql("""
                with entries as (
                    insert into %1$s.ledger_entries (id, user_id, kind, amount_minor, currency, occurred_at, entry_no, balance_after_minor)
                    values ('00000000-0000-0000-0000-000000000006', '%2$s', 'TOP_UP', 100, 'EUR', now(), 1, 100),
                           ('00000000-0000-0000-0000-000000000007', '%3$s', 'TOP_UP', 50, 'EUR', now(), 7, 7)
                    returning user_id, amount_minor)
                update %1$s.accounts a set balance_minor = balance_minor + e.amount_minor
                from entries e where a.user_id = e.user_id""".formatted(SCHEMA, ADA, EVE)).update();
        assertThat(chain(ADA)).endsWith("4:5300:04", "5:5400:06");
        assertThat(chain(EVE)).containsExactly("1:50:07");
    }

    /** Statements that only together keep the balance check of V2, which runs at commit. */
    private void inOneTransaction(String statements) {
        try (Connection connection = schema.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute(statements);
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The user's ledger as "entry_no:balance_after_minor:last two digits of the id", in entry order. */
    private List<String> chain(String user) {
        return jdbc.sql("select entry_no || ':' || balance_after_minor || ':' || right(id::text, 2) from " + SCHEMA
                        + ".ledger_entries where user_id = ?::uuid order by entry_no")
                .param(user).query(String.class).list();
    }
}
