package dev.bulkhead.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.testing.HttpClient;
import dev.bulkhead.testing.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The security layer answers before Spring MVC, yet its 401 and 403 are the same problems, member for member,
 * as when they were written by hand, and the request path they name is escaped JSON, not pasted text.
 */
@IntegrationTest
class SecurityProblemsTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void a_missing_token_gets_the_401_problem() {
        UUID someone = UUID.randomUUID();

        MvcTestResult refused = new HttpClient(mvc).anonymous().get("/v1/users/" + someone);

        assertThat(refused).hasStatus(HttpStatus.UNAUTHORIZED).hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .headers().hasValue("WWW-Authenticate", "Bearer");
        assertThat(refused).bodyJson().isStrictlyEqualTo("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                + "\"detail\":\"a valid bearer token is required (Authorization: Bearer <token>)\","
                + "\"instance\":\"/v1/users/" + someone + "\"}");
    }

    @Test
    void a_role_without_access_gets_the_403_problem() {
        MvcTestResult refused = new HttpClient(mvc).asRoles(UUID.randomUUID().toString(), "CUSTOMER").get("/v1/admin/events");

        assertThat(refused).hasStatus(HttpStatus.FORBIDDEN).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused).bodyJson().isStrictlyEqualTo("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
                + "\"detail\":\"your role may not use this endpoint\",\"instance\":\"/v1/admin/events\"}");
    }
}
