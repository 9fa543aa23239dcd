package dev.bulkhead.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.testing.DatabaseInspector;
import dev.bulkhead.testing.HttpClient;
import dev.bulkhead.testing.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Drift injected straight into billing's copy of the users is found and repaired, and counted. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class UserCopyReconciliationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    DatabaseInspector inspector;

    @Autowired
    MeterRegistry meters;

    HttpClient http;

    @BeforeEach
    void setUp() {
        http = new HttpClient(mvc);
    }

    @Test
    void a_changed_name_a_missing_account_and_a_stale_status_are_repaired_and_reported(CapturedOutput output) {
        UUID renamed = http.registerCustomer("Original Name");
        UUID missing = http.registerCustomer("Lost Account");
        UUID stale = http.registerCustomer("Gone Quiet");
        http.post("/v1/users/" + stale + "/deactivate", "");
        http.awaitJson("/v1/billing/summary/" + stale, "$.active", false);
        // start from what other tests left: repairable drift is repaired now, orphans stay and are counted each run
        long orphansLeftByOthers = drifted(reconcile());

        inspector.sql("update billing.accounts set name = 'Drifted Name' where user_id = ?").param(renamed).update();
        inspector.sql("delete from billing.accounts where user_id = ?").param(missing).update();
        inspector.sql("update billing.accounts set active = true where user_id = ?").param(stale).update();
        double repairedBefore = meters.counter("bulkhead.reconciliation.repaired", "copy", "billing.user-copy").count();

        MvcTestResult report = reconcile();

        assertThat(drifted(report)).isEqualTo(orphansLeftByOthers + 3);
        assertThat(repaired(report)).isEqualTo(3);
        assertThat(copyOf(renamed)).isEqualTo("Original Name|true");
        assertThat(copyOf(missing)).isEqualTo("Lost Account|true");
        assertThat(copyOf(stale)).isEqualTo("Gone Quiet|false");
        assertThat(meters.counter("bulkhead.reconciliation.repaired", "copy", "billing.user-copy").count())
                .isEqualTo(repairedBefore + 3);
        assertThat(output).contains("Reconciliation billing.user-copy: checked=")
                .contains("drifted=" + (orphansLeftByOthers + 3) + " repaired=3");

        assertThat(drifted(reconcile())).isEqualTo(orphansLeftByOthers);
    }

    @Test
    void an_account_whose_user_is_gone_is_reported_but_kept() {
        long orphansLeftByOthers = drifted(reconcile());
        UUID orphan = UUID.randomUUID();
        inspector.sql("""
                insert into billing.accounts (user_id, email, name, active, currency, balance_minor, opened_at, version)
                values (?, 'orphan@example.com', 'Orphan', true, 'EUR', 0, now(), 0)""").param(orphan).update();
        try {
            MvcTestResult report = reconcile();

            assertThat(drifted(report)).isEqualTo(orphansLeftByOthers + 1);
            assertThat(repaired(report)).isZero();
            assertThat(inspector.count("select count(*) from billing.accounts where user_id = ?", orphan)).isEqualTo(1);
        } finally {
            inspector.sql("delete from billing.accounts where user_id = ?").param(orphan).update();
        }
    }

    @Test
    void an_account_opened_after_the_users_were_read_is_not_taken_for_an_orphan() {
        long orphansLeftByOthers = drifted(reconcile());
        // what a registration leaves when its account opens between the job's read of the users and its page:
        // the read did not include the user yet
        UUID registeredSince = UUID.randomUUID();
        inspector.sql("""
                insert into billing.accounts (user_id, email, name, active, currency, balance_minor, opened_at, version)
                values (?, 'new@example.com', 'New', true, 'EUR', 0, now() + interval '1 hour', 0)""").param(registeredSince).update();
        try {
            assertThat(drifted(reconcile())).isEqualTo(orphansLeftByOthers);
        } finally {
            inspector.sql("delete from billing.accounts where user_id = ?").param(registeredSince).update();
        }
    }

    private MvcTestResult reconcile() {
        MvcTestResult result = http.reconcile().stream()
                .filter(job -> "billing.user-copy".equals(HttpClient.read(job, "$.name"))).findFirst().orElseThrow();
        assertThat(HttpClient.<String>read(result, "$.state")).isEqualTo("COMPLETED");
        return result;
    }

    private static long drifted(MvcTestResult report) {
        return count(report, "drifted");
    }

    private static long repaired(MvcTestResult report) {
        return count(report, "repaired");
    }

    private static long count(MvcTestResult report, String field) {
        return HttpClient.<Number>read(report, "$." + field).longValue();
    }

    private String copyOf(UUID user) {
        return inspector.sql("select name || '|' || active from billing.accounts where user_id = ?").param(user)
                .query(String.class).single();
    }
}
