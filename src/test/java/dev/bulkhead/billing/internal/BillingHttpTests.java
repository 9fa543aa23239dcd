package dev.bulkhead.billing.internal;

import dev.bulkhead.testing.DatabaseInspector;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.testing.HttpClient;
import dev.bulkhead.testing.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
class BillingHttpTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    DatabaseInspector jdbc;

    HttpClient http;

    @BeforeEach
    void setUp() {
        http = new HttpClient(mvc);
    }

    @Test
    void registering_a_user_opens_an_empty_account() {
        UUID user = http.registerCustomer("Joan");

        MvcTestResult summary = http.get("/v1/billing/summary/" + user);

        assertThat(summary).hasStatusOk().bodyJson().extractingPath("$.balance.minorUnits").isEqualTo(0);
        assertThat(summary).bodyJson().extractingPath("$.balance.currency").isEqualTo("EUR");
        assertThat(summary).bodyJson().extractingPath("$.recentPayments").asArray().isEmpty();
        assertThat(summary).bodyJson().extractingPath("$.recentRefunds").asArray().isEmpty();
    }

    @Test
    void a_top_up_raises_the_balance_and_is_kept_in_the_ledger() {
        UUID user = http.registerCustomer("Radia");

        MvcTestResult topUp = http.post(topUps(user), "{\"amount\":2500,\"currency\":\"EUR\"}");
        http.post(topUps(user), "{\"amount\":500,\"currency\":\"EUR\"}");

        assertThat(topUp).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.balance.minorUnits").isEqualTo(2500);
        assertThat(http.get("/v1/billing/summary/" + user)).bodyJson().extractingPath("$.balance.minorUnits").isEqualTo(3000);
        assertThat(jdbc.sql("select sum(amount_minor) from billing.ledger_entries where user_id = ? and kind = 'TOP_UP'")
                .param(user).query(Long.class).single()).isEqualTo(3000);
    }

    @Test
    void bad_top_ups_get_4xx_naming_the_field_and_write_nothing() {
        UUID user = http.registerCustomer("Frances");
        long before = ledgerEntries();

        assertRejected(http.post(topUps(user), "{\"amount\":0,\"currency\":\"EUR\"}"), HttpStatus.BAD_REQUEST, "amount");
        assertRejected(http.post(topUps(user), "{\"amount\":-5,\"currency\":\"EUR\"}"), HttpStatus.BAD_REQUEST, "amount");
        assertRejected(http.post(topUps(user), "{\"amount\":1000000001,\"currency\":\"EUR\"}"), HttpStatus.BAD_REQUEST, "amount");
        assertRejected(http.post(topUps(user), "{\"amount\":\"lots\",\"currency\":\"EUR\"}"), HttpStatus.BAD_REQUEST, "amount");
        assertRejected(http.post(topUps(user), "{\"amount\":12.5,\"currency\":\"EUR\"}"), HttpStatus.BAD_REQUEST, "amount");
        assertRejected(http.post(topUps(user), "{\"amount\":100,\"currency\":\"eur\"}"), HttpStatus.BAD_REQUEST, "currency");
        assertRejected(http.post(topUps(user), "{\"amount\":100,\"currency\":\"XYZ\"}"), HttpStatus.BAD_REQUEST, "currency");
        assertRejected(http.post(topUps(user), "{\"amount\":100}"), HttpStatus.BAD_REQUEST, "currency");
        assertRejected(http.post(topUps(user), "{\"amount\":100,\"currency\":\"USD\"}"), HttpStatus.UNPROCESSABLE_CONTENT, "currency");
        assertRejected(http.post(topUps(user), "{\"amount\":"), HttpStatus.BAD_REQUEST, "body");
        assertThat(http.post(topUps(UUID.randomUUID()), "{\"amount\":100,\"currency\":\"EUR\"}")).hasStatus(HttpStatus.NOT_FOUND);
        assertRejected(http.post("/v1/billing/accounts/nope/top-ups", "{\"amount\":100,\"currency\":\"EUR\"}"),
                HttpStatus.BAD_REQUEST, "userId");

        assertThat(ledgerEntries()).isEqualTo(before);
    }

    @Test
    void a_deactivated_account_takes_no_top_up() {
        UUID user = http.registerCustomer("Adele");
        http.post("/v1/users/" + user + "/deactivate", "");
        http.awaitJson("/v1/billing/summary/" + user, "$.active", false);

        assertThat(http.post(topUps(user), "{\"amount\":100,\"currency\":\"EUR\"}")).hasStatus(HttpStatus.CONFLICT);
    }

    @Test
    void the_summary_of_an_unknown_or_malformed_user_gets_404_or_400() {
        assertThat(http.get("/v1/billing/summary/" + UUID.randomUUID())).hasStatus(HttpStatus.NOT_FOUND);
        assertRejected(http.get("/v1/billing/summary/12"), HttpStatus.BAD_REQUEST, "userId");
    }

    private static void assertRejected(MvcTestResult result, HttpStatus status, String field) {
        assertThat(result).hasStatus(status).bodyJson().extractingPath("$.errors[0].field").isEqualTo(field);
    }

    private static String topUps(UUID user) {
        return "/v1/billing/accounts/" + user + "/top-ups";
    }

    private long ledgerEntries() {
        return jdbc.sql("select count(*) from billing.ledger_entries").query(Long.class).single();
    }
}
