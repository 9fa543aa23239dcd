package dev.bulkhead.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.testing.TestDatabaseConfiguration;
import java.lang.reflect.Proxy;
import java.util.UUID;
import javax.sql.DataSource;
import modulith.boundaries.runtime.SchemaBoundaryGuard;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import dev.bulkhead.testing.HttpClient;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;


/**
 * The whole application on a real PostgreSQL with the runtime guard installed: its DataSource is
 * guarded, and the statements Hibernate and the modules really send pass it (no false alarm).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({TestDatabaseConfiguration.class, ModuleSqlGuardConfiguration.class})
class ModuleSqlGuardConfigurationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    SchemaBoundaryGuard guard;

    @Autowired
    MockMvcTester mvc;

    @Test
    void the_applications_own_statements_pass_the_guarded_data_source() throws Exception {
        assertThat(Proxy.isProxyClass(dataSource.getClass())).as("the DataSource bean is guarded").isTrue();

        HttpClient http = new HttpClient(mvc);
        String email = "guard-" + UUID.randomUUID() + "@example.com";
        MvcTestResult user = http.post("/v1/users", "{\"email\":\"" + email + "\",\"name\":\"Guard\"}");
        assertThat(user).hasStatus(HttpStatus.CREATED);
        String userId = HttpClient.read(user, "$.id");
        assertThat(http.post("/v1/orders", "{\"userId\":\"" + userId
                + "\",\"currency\":\"EUR\",\"lines\":[{\"sku\":\"A-1\",\"quantity\":1,\"unitPrice\":100}]}"))
                .hasStatus(HttpStatus.CREATED);
        assertThat(http.get("/v1/orders?userId=" + userId)).hasStatusOk();

        assertThat(guard.refusedStatements()).isEmpty();
    }
}
