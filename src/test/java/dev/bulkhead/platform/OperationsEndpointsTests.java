package dev.bulkhead.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.testing.HttpClient;
import dev.bulkhead.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
class OperationsEndpointsTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void health_is_up_and_includes_the_database() {
        assertThat(new HttpClient(mvc).anonymous().get("/actuator/health")).hasStatusOk().bodyJson()
                .extractingPath("$.components.db.status").isEqualTo("UP");
    }

    @Test
    void the_modulith_endpoint_describes_every_module_and_its_dependencies() {
        var modules = assertThat(new HttpClient(mvc).asRoles("ops", "OPERATOR").get("/actuator/modulith")).hasStatusOk().bodyJson();
        modules.extractingPath("$.user.displayName").isEqualTo("User");
        modules.extractingPath("$.billing.dependencies[*].target").asArray().contains("user");
        modules.extractingPath("$.order.dependencies[*].target").asArray().contains("user", "billing");
    }
}
