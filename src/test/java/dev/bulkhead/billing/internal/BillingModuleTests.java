package dev.bulkhead.billing.internal;

import dev.bulkhead.testing.DatabaseInspector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulkhead.billing.ChargeRequest;
import dev.bulkhead.billing.PaymentCompleted;
import dev.bulkhead.billing.PaymentFailed;
import dev.bulkhead.billing.PaymentFailureReason;
import dev.bulkhead.billing.PaymentRefunded;
import dev.bulkhead.billing.RefundRequest;
import dev.bulkhead.kernel.Money;
import dev.bulkhead.testing.TestDatabaseConfiguration;
import dev.bulkhead.user.UserApi;
import dev.bulkhead.user.UserDeactivated;
import dev.bulkhead.user.UserId;
import dev.bulkhead.user.UserRegistered;
import dev.bulkhead.user.UserRenamed;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** Billing alone, on a real PostgreSQL: it reacts to user events and to charge requests of any module. */
@ApplicationModuleTest
@Import(TestDatabaseConfiguration.class)
class BillingModuleTests {

    /** Billing reads users only for reconciliation; here the user module is out of scope. */
    @MockitoBean
    UserApi users;

    @Autowired
    AccountService accounts;

    @Autowired
    DatabaseInspector jdbc;

    @Autowired
    BillingInbox inbox;

    @Test
    void an_inbox_mark_outside_a_handlers_transaction_is_refused_and_not_written() {
        UUID eventId = UUID.randomUUID();

        assertThatThrownBy(() -> inbox.firstDelivery(eventId, "a careless colleague's handler"))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(jdbc.sql("select count(*) from billing.applied_events where event_id = ?").param(eventId)
                .query(Long.class).single()).isZero();
    }

    /** A charge request as any module could send it; billing knows nothing of orders. */
    record TestCharge(UUID eventId, UUID chargeReference, UserId payer, Money amount) implements ChargeRequest {
        static TestCharge of(UserId payer, long minorUnits) {
            return new TestCharge(UUID.randomUUID(), UUID.randomUUID(), payer, Money.of(minorUnits, "EUR"));
        }
    }

    /** A refund request as any module could send it. */
    record TestRefund(UUID eventId, UUID chargeReference, UserId payer, Money amount) implements RefundRequest {
        static TestRefund of(TestCharge charge) {
            return new TestRefund(UUID.randomUUID(), charge.chargeReference(), charge.payer(), charge.amount());
        }
    }

    @Test
    void refunds_a_completed_charge_once_with_a_refund_ledger_entry(Scenario scenario) {
        UserId user = registered(scenario, 5_000);
        TestCharge charge = TestCharge.of(user, 1_200);
        scenario.publish(charge).andWaitForEventOfType(PaymentCompleted.class)
                .matching(event -> event.chargeReference().equals(charge.chargeReference())).toArrive();
        TestRefund refund = TestRefund.of(charge);

        // waits for the delivery's completion, which commits with the refund (ADR 0021): the event alone is seen
        // when it is published, before that transaction commits
        scenario.publish(refund)
                .andWaitForStateChange(() -> completedPublicationsOf(refund.eventId()), count -> count == 1)
                .andVerifyEvents(events -> assertThat(events.ofType(PaymentRefunded.class)
                        .matching(event -> event.chargeReference().equals(charge.chargeReference())))
                        .singleElement().satisfies(event -> assertThat(event.amount()).isEqualTo(Money.of(1_200, "EUR"))));
        assertThat(accounts.findSummary(user).orElseThrow().balance()).isEqualTo(Money.of(5_000, "EUR"));
        assertThat(entries(charge.chargeReference(), "REFUND")).isEqualTo(1);
        // the same request again, as after a crash: nothing more is given back
        scenario.publish(refund)
                .andWaitForStateChange(() -> completedPublicationsOf(refund.eventId()), count -> count == 2)
                .andVerify(count -> {
                    assertThat(entries(charge.chargeReference(), "REFUND")).isEqualTo(1);
                    assertThat(accounts.findSummary(user).orElseThrow().balance()).isEqualTo(Money.of(5_000, "EUR"));
                });
    }

    @Test
    void a_refund_request_that_overtakes_its_charge_withdraws_the_charge(Scenario scenario) {
        UserId user = registered(scenario, 5_000);
        TestCharge charge = TestCharge.of(user, 1_200);

        scenario.publish(TestRefund.of(charge))
                .andWaitForEventOfType(PaymentFailed.class)
                .matching(failed -> failed.chargeReference().equals(charge.chargeReference()))
                .toArriveAndVerify(failed -> {
                    // said, as every refused charge is: the order history shows why no money was taken
                    assertThat(failed.reason()).isEqualTo(PaymentFailureReason.WITHDRAWN);
                    assertThat(failed.amount()).isEqualTo(Money.of(1_200, "EUR"));
                    assertThat(jdbc.sql("select failure_reason from billing.payments where charge_reference = ?")
                            .param(charge.chargeReference()).query(String.class).optional()).contains("WITHDRAWN");
                });
        scenario.publish(charge)
                .andWaitForStateChange(() -> completedPublicationsOf(charge.eventId()), count -> count == 1)
                .andVerify(count -> {
                    assertThat(entries(charge.chargeReference(), "CHARGE")).isZero();
                    assertThat(accounts.findSummary(user).orElseThrow().balance()).isEqualTo(Money.of(5_000, "EUR"));
                });
    }

    @Test
    void the_database_refuses_a_balance_that_is_negative_or_differs_from_the_ledger(Scenario scenario) {
        UserId user = registered(scenario, 1_000);

        assertThatThrownBy(() -> jdbc.sql("update billing.accounts set balance_minor = balance_minor + 1 where user_id = ?")
                .param(user.value()).update()).hasMessageContaining("differs from the sum");
        assertThatThrownBy(() -> jdbc.sql("update billing.accounts set balance_minor = -1 where user_id = ?")
                .param(user.value()).update()).hasMessageContaining("accounts_balance_never_negative");
        // an extra entry that leaves the balance alone, even one claiming the balance after it is unchanged
        assertThatThrownBy(() -> jdbc.sql("""
                insert into billing.ledger_entries (id, user_id, kind, amount_minor, currency, occurred_at, entry_no, balance_after_minor)
                values (gen_random_uuid(), ?, 'TOP_UP', 1, 'EUR', now(), 1, 1000)""")
                .param(user.value()).update()).hasMessageContaining("differs from the sum");
        assertThatThrownBy(() -> jdbc.sql("delete from billing.ledger_entries where user_id = ?")
                .param(user.value()).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("update billing.ledger_entries set amount_minor = 2000 where user_id = ?")
                .param(user.value()).update()).hasMessageContaining("append-only");
        assertThat(accounts.findSummary(user).orElseThrow().balance()).isEqualTo(Money.of(1_000, "EUR"));
        assertThat(chain(user)).containsExactly("1:1000");
    }

    @Test
    void each_new_ledger_entry_is_numbered_and_carries_the_balance_after_it_whatever_the_insert_says(Scenario scenario) {
        UserId user = registered(scenario, 5_000);

        jdbc.sql("""
                with entry as (
                    insert into billing.ledger_entries (id, user_id, kind, amount_minor, currency, charge_reference, occurred_at,
                                                        entry_no, balance_after_minor)
                    values (gen_random_uuid(), ?, 'CHARGE', -1200, 'EUR', gen_random_uuid(), now(), 42, 1000000)
                    returning amount_minor)
                update billing.accounts set balance_minor = balance_minor + (select amount_minor from entry) where user_id = ?""")
                .param(user.value()).param(user.value()).update();
        accounts.topUp(user, Money.of(500, "EUR"));

        // entries 1 and 3 written by the application, which does not know the columns; entry 2 tried to forge them
        assertThat(chain(user)).containsExactly("1:5000", "2:3800", "3:4300");
        assertThat(accounts.findSummary(user).orElseThrow().balance()).isEqualTo(Money.of(4_300, "EUR"));
    }

    @Test
    void checking_the_balance_reads_as_many_ledger_rows_for_a_long_history_as_for_a_single_entry(Scenario scenario)
            throws SQLException {
        UserId newcomer = registered(scenario, 2_000);
        UserId regular = registered(scenario, 0);
        jdbc.sql(APPEND_TOP_UPS).param(regular.value()).param(1L).param(2_000).param(regular.value()).update();
        assertThat(chain(regular)).hasSize(2_000).endsWith("2000:2000");

        long forTheNewcomer = ledgerRowsReadToAppendOneEntry(newcomer);
        long forTheRegular = ledgerRowsReadToAppendOneEntry(regular);

        // numbering the entry, then the two balance checks (entry and account): one index lookup each, whatever the history
        assertThat(forTheRegular).isEqualTo(forTheNewcomer).isLessThanOrEqualTo(3);
        assertThat(chain(regular)).hasSize(2_001).endsWith("2001:2001");
    }

    @Test
    void two_transactions_cannot_both_append_the_next_entry_of_an_account(Scenario scenario) throws Exception {
        UserId user = registered(scenario, 1_000);
        try (Connection first = jdbc.dataSource().getConnection(); Connection second = jdbc.dataSource().getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            long secondSession = single(second, "select pg_backend_pid()");
            try (Statement statement = second.createStatement()) {
                statement.execute("set lock_timeout = '20s'");
            }
            appendTopUp(first, user, 100);

            // a writer that does not lock the account first, as the application does, computes entry 2 as well
            CompletableFuture<Void> racing = CompletableFuture.runAsync(() -> {
                try {
                    appendTopUp(second, user, 200);
                    second.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            });
            Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.count(
                    "select count(*) from pg_stat_activity where pid = ? and wait_event_type = 'Lock'", secondSession) == 1);
            first.commit();

            assertThatThrownBy(racing::join).hasMessageContaining("ledger_entries_one_per_number_and_user");
            second.rollback();
        }
        assertThat(chain(user)).containsExactly("1:1000", "2:1100");
        assertThat(accounts.findSummary(user).orElseThrow().balance()).isEqualTo(Money.of(1_100, "EUR"));
    }

    @Test
    void opens_an_account_with_a_copy_of_the_user_when_a_user_registers(Scenario scenario) {
        UserId user = UserId.random();
        scenario.publish(new UserRegistered(UUID.randomUUID(), user, "grace@example.com", "Grace", Instant.now()))
                .andWaitForStateChange(() -> accounts.findSummary(user))
                .andVerify(summary -> {
                    assertThat(summary).hasValueSatisfying(s -> {
                        assertThat(s.balance()).isEqualTo(Money.zero("EUR"));
                        assertThat(s.active()).isTrue();
                    });
                    assertThat(copyOfUser(user)).isEqualTo("grace@example.com|Grace|true");
                });
    }

    @Test
    void keeps_its_copy_of_the_user_in_step_with_renames_and_deactivation(Scenario scenario) {
        UserId user = registered(scenario, 0);
        scenario.publish(new UserRenamed(UUID.randomUUID(), user, "Grace Hopper", Instant.now()))
                .andWaitForStateChange(() -> copyOfUser(user), copy -> copy.contains("Grace Hopper"))
                .andVerify(copy -> assertThat(copy).isEqualTo("grace@example.com|Grace Hopper|true"));
        scenario.publish(new UserDeactivated(UUID.randomUUID(), user, Instant.now()))
                .andWaitForStateChange(() -> copyOfUser(user), copy -> copy.endsWith("false"))
                .andVerify(copy -> assertThat(copy).isEqualTo("grace@example.com|Grace Hopper|false"));
    }

    @Test
    void charges_the_account_and_announces_the_payment(Scenario scenario) {
        UserId user = registered(scenario, 5_000);
        TestCharge charge = TestCharge.of(user, 1_200);

        scenario.publish(charge)
                .andWaitForEventOfType(PaymentCompleted.class)
                .matching(event -> event.chargeReference().equals(charge.chargeReference()))
                .toArriveAndVerify(event -> {
                    assertThat(event.amount()).isEqualTo(Money.of(1_200, "EUR"));
                    assertThat(event.payer()).isEqualTo(user);
                    assertThat(accounts.findSummary(user).orElseThrow().balance()).isEqualTo(Money.of(3_800, "EUR"));
                    assertThat(ledgerSum(user)).isEqualTo(3_800);
                });
    }

    @Test
    void refuses_a_charge_above_the_balance_and_takes_nothing(Scenario scenario) {
        UserId user = registered(scenario, 1_000);
        TestCharge charge = TestCharge.of(user, 1_001);

        expectFailure(scenario, charge, PaymentFailureReason.INSUFFICIENT_FUNDS);
        assertThat(accounts.findSummary(user).orElseThrow().balance()).isEqualTo(Money.of(1_000, "EUR"));
    }

    @Test
    void refuses_a_charge_for_an_unknown_account(Scenario scenario) {
        expectFailure(scenario, TestCharge.of(UserId.random(), 100), PaymentFailureReason.UNKNOWN_ACCOUNT);
    }

    @Test
    void refuses_a_charge_for_a_deactivated_account(Scenario scenario) {
        UserId user = registered(scenario, 1_000);
        scenario.publish(new UserDeactivated(UUID.randomUUID(), user, Instant.now()))
                .andWaitForStateChange(() -> accounts.findSummary(user).orElseThrow().active(), active -> !active)
                .andVerify(active -> assertThat(active).isFalse());

        expectFailure(scenario, TestCharge.of(user, 100), PaymentFailureReason.ACCOUNT_DEACTIVATED);
    }

    @Test
    void refuses_a_charge_in_another_currency(Scenario scenario) {
        UserId user = registered(scenario, 1_000);
        TestCharge charge = new TestCharge(UUID.randomUUID(), UUID.randomUUID(), user, Money.of(100, "USD"));
        expectFailure(scenario, charge, PaymentFailureReason.CURRENCY_MISMATCH);
    }

    @Test
    void charges_a_redelivered_request_only_once(Scenario scenario) {
        UserId user = registered(scenario, 1_000);
        TestCharge charge = TestCharge.of(user, 300);
        scenario.publish(charge).andWaitForEventOfType(PaymentCompleted.class)
                .matching(event -> event.chargeReference().equals(charge.chargeReference()))
                .toArrive();

        // the same request again, as the registry would redeliver it after a crash
        scenario.publish(charge)
                .andWaitForStateChange(() -> completedPublicationsOf(charge.eventId()), count -> count == 2)
                .andVerify(count -> {
                    assertThat(accounts.findSummary(user).orElseThrow().balance()).isEqualTo(Money.of(700, "EUR"));
                    assertThat(jdbc.sql("select count(*) from billing.payments where charge_reference = ?")
                            .param(charge.chargeReference()).query(Long.class).single()).isEqualTo(1);
                });
    }

    private void expectFailure(Scenario scenario, TestCharge charge, PaymentFailureReason reason) {
        scenario.publish(charge)
                .andWaitForEventOfType(PaymentFailed.class)
                .matching(event -> event.chargeReference().equals(charge.chargeReference()))
                .toArriveAndVerify(event -> {
                    assertThat(event.reason()).isEqualTo(reason);
                    assertThat(jdbc.sql("select count(*) from billing.ledger_entries where charge_reference = ?")
                            .param(charge.chargeReference()).query(Long.class).single()).isZero();
                });
    }

    private UserId registered(Scenario scenario, long balance) {
        UserId user = UserId.random();
        scenario.publish(new UserRegistered(UUID.randomUUID(), user, "grace@example.com", "Grace", Instant.now()))
                .andWaitForStateChange(() -> accounts.findSummary(user))
                .andVerify(summary -> assertThat(summary).isPresent());
        if (balance > 0) {
            accounts.topUp(user, Money.of(balance, "EUR"));
        }
        return user;
    }

    /** Appends {@code count} top-ups of {@code amount} to a user's ledger and moves the balance with them, in one statement. */
    private static final String APPEND_TOP_UPS = """
            with entries as (
                insert into billing.ledger_entries (id, user_id, kind, amount_minor, currency, occurred_at)
                select gen_random_uuid(), ?, 'TOP_UP', ?, 'EUR', now() from generate_series(1, ?)
                returning amount_minor)
            update billing.accounts set balance_minor = balance_minor + (select sum(amount_minor) from entries)
            where user_id = ?""";

    private static void appendTopUp(Connection connection, UserId user, long amount) throws SQLException {
        try (PreparedStatement append = connection.prepareStatement(APPEND_TOP_UPS)) {
            append.setObject(1, user.value());
            append.setLong(2, amount);
            append.setInt(3, 1);
            append.setObject(4, user.value());
            append.executeUpdate();
        }
    }

    /**
     * How many rows of the ledger PostgreSQL reads to append one entry and move the balance, the balance checks
     * included: they are made to run at the end of the statement rather than at commit, and the transaction's own
     * table statistics count what it read, whatever else the server is doing.
     */
    private long ledgerRowsReadToAppendOneEntry(UserId user) throws SQLException {
        try (Connection connection = jdbc.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("set constraints all immediate");
            }
            String rowsRead = "select coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0) from pg_stat_xact_user_tables"
                    + " where relid = 'billing.ledger_entries'::regclass";
            long before = single(connection, rowsRead);
            appendTopUp(connection, user, 1);
            long after = single(connection, rowsRead);
            connection.commit();
            return after - before;
        }
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** The user's ledger as "entry_no:balance_after_minor", in order. */
    private List<String> chain(UserId user) {
        return jdbc.sql("select entry_no || ':' || balance_after_minor from billing.ledger_entries where user_id = ? order by entry_no")
                .param(user.value()).query(String.class).list();
    }

    private String copyOfUser(UserId user) {
        return jdbc.sql("select email || '|' || name || '|' || active from billing.accounts where user_id = ?")
                .param(user.value()).query(String.class).optional().orElse("");
    }

    private long ledgerSum(UserId user) {
        return jdbc.sql("select coalesce(sum(amount_minor), 0) from billing.ledger_entries where user_id = ?")
                .param(user.value()).query(Long.class).single();
    }

    private long entries(UUID chargeReference, String kind) {
        return jdbc.count("select count(*) from billing.ledger_entries where charge_reference = ? and kind = ?", chargeReference, kind);
    }

    private long completedPublicationsOf(UUID eventId) {
        return jdbc.sql("select count(*) from events.event_publication where serialized_event like ? and completion_date is not null")
                .param("%" + eventId + "%").query(Long.class).single();
    }
}
