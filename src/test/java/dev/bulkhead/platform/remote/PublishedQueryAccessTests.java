package dev.bulkhead.platform.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.platform.security.CallerTokens;
import dev.bulkhead.platform.security.ServiceTokens;
import dev.bulkhead.testing.HttpClient;
import dev.bulkhead.testing.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * {@code /internal} as the process that owns the data sees it (ADR 0027): only a calling module's service
 * token gets in; the query runs as the customer the calling module relays, so the module checks
 * ownership as in process, and its refusals keep their status and problem.
 */
@IntegrationTest
@TestPropertySource(properties = "bulkhead.remote.serve-published-queries=true")
class PublishedQueryAccessTests {

    private static final String FIND_PAGE = "/internal/published-queries/UserApi/findPageAfter";
    private static final String FIND_BY_ID = "/internal/published-queries/UserApi/findById";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ServiceTokens serviceTokens;

    @Autowired
    JwtEncoder encoder;

    @Test
    void aCustomersTokenIsRefusedWith403NotA500() {
        UUID customer = new HttpClient(mvc).registerCustomer("Ada Internal");

        MvcTestResult answer = query(FIND_PAGE, "[null, 10]", token("user:" + customer, customer.toString(), "CUSTOMER"), null);

        assertThat(answer).hasStatus(403).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer).bodyJson().extractingPath("$.title").isEqualTo("Forbidden");
    }

    @Test
    void staffTokensAreRefusedWith403() {
        assertThat(query(FIND_PAGE, "[null, 10]", token("support", "support", "SUPPORT"), null)).hasStatus(403);
        assertThat(query(FIND_PAGE, "[null, 10]", token("ops", "ops", "OPERATOR", "SUPPORT"), null)).hasStatus(403);
    }

    @Test
    void withoutATokenTheAnswerIs401() {
        assertThat(query(FIND_PAGE, "[null, 10]", null, null)).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aServiceTokenIsServedAndWithoutARelayedCallerTheQueryRunsAsTheSystem() {
        UUID customer = new HttpClient(mvc).registerCustomer("Grace Internal");

        MvcTestResult answer = query(FIND_PAGE, "[null, 100]", serviceTokens.forModule("billing"), null);

        assertThat(answer).hasStatusOk();
        assertThat(answer).bodyText().contains(customer.toString());
    }

    @Test
    void anExpiredServiceTokenIsRefusedWith401() {
        Instant longAgo = Instant.now().minus(Duration.ofMinutes(10)); // beyond the decoder's minute of clock skew
        String expired = sign(JwtClaimsSet.builder().issuer("bulkhead").subject("module:order").issuedAt(longAgo)
                .expiresAt(longAgo.plusSeconds(60)).claim("module", "order").claim("scope", "internal").build());

        assertThat(query(FIND_PAGE, "[null, 10]", expired, null)).hasStatus(401);
    }

    @Test
    void aTokenThatOnlyClaimsTheScopeWithoutNamingItsModuleIsRefused() {
        Instant now = Instant.now();
        String forged = sign(JwtClaimsSet.builder().issuer("bulkhead").subject(UUID.randomUUID().toString()).issuedAt(now)
                .expiresAt(now.plusSeconds(60)).claim("scope", "internal").claim("roles", List.of("CUSTOMER")).build());

        assertThat(query(FIND_PAGE, "[null, 10]", forged, null)).hasStatus(403);
    }

    @Test
    void theRelayedCustomerIsWhoTheModuleChecksAndItsRefusalKeepsItsStatusAndProblem() {
        HttpClient http = new HttpClient(mvc);
        UUID ada = http.registerCustomer("Ada Relayed");
        UUID grace = http.registerCustomer("Grace Relayed");
        String adasToken = token("ada", ada.toString(), "CUSTOMER");
        String service = serviceTokens.forModule("order");

        assertThat(query(FIND_BY_ID, "[\"" + ada + "\"]", service, adasToken)).hasStatusOk().bodyText().contains("Ada Relayed");

        MvcTestResult someoneElses = query(FIND_BY_ID, "[\"" + grace + "\"]", service, adasToken);
        assertThat(someoneElses).hasStatus(403).hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .hasHeader(PublishedQueryEndpoint.REFUSED_BY, "UserApi.findById");
        assertThat(someoneElses).bodyJson().extractingPath("$.detail").isEqualTo("you may only read your own profile");

        // the case: a customer, relayed, asking for every user
        MvcTestResult everyone = query(FIND_PAGE, "[null, 10]", service, adasToken);
        assertThat(everyone).hasStatus(403).hasHeader(PublishedQueryEndpoint.REFUSED_BY, "UserApi.findPageAfter");
        assertThat(everyone).bodyJson().extractingPath("$.detail").isEqualTo("listing every user is for support staff");
    }

    @Test
    void aRefusedArgumentIsA400MarkedAsTheModulesRefusal() {
        MvcTestResult answer = query(FIND_PAGE, "[null, " + (dev.bulkhead.user.UserApi.MAX_BATCH_SIZE + 1) + "]",
                serviceTokens.forModule("billing"), null);

        assertThat(answer).hasStatus(400).hasHeader(PublishedQueryEndpoint.REFUSED_BY, "UserApi.findPageAfter");
    }

    @Test
    void anInvalidRelayedTokenIsA401AndTheQueryDoesNotRun() {
        assertThat(query(FIND_PAGE, "[null, 10]", serviceTokens.forModule("order"), "not-a-token")).hasStatus(401)
                .doesNotContainHeader(PublishedQueryEndpoint.REFUSED_BY);
    }

    private MvcTestResult query(String path, String arguments, String bearer, String relayed) {
        var request = mvc.post().uri(path).contentType(MediaType.APPLICATION_JSON).content(arguments);
        if (bearer != null) {
            request = request.header("Authorization", "Bearer " + bearer);
        }
        if (relayed != null) {
            request = request.header(CallerTokens.HEADER, relayed);
        }
        return request.exchange();
    }

    private String token(String name, String subject, String... roles) {
        Instant now = Instant.now();
        return sign(JwtClaimsSet.builder().issuer("bulkhead-test").subject(subject).issuedAt(now).expiresAt(now.plusSeconds(600))
                .claim("roles", List.of(roles)).claim("name", name).build());
    }

    private String sign(JwtClaimsSet claims) {
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
    }
}
