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
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
    MockMvc mvc;

    @Test
    void the_applications_own_statements_pass_the_guarded_data_source() throws Exception {
        assertThat(Proxy.isProxyClass(dataSource.getClass())).as("the DataSource bean is guarded").isTrue();

        String email = "guard-" + UUID.randomUUID() + "@example.com";
        String user = mvc.perform(post("/v1/users").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + email + "\",\"name\":\"Guard\"}"))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        String userId = user.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        mvc.perform(post("/v1/orders").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"userId\":\"" + userId + "\",\"currency\":\"EUR\",\"lines\":[{\"sku\":\"A-1\",\"quantity\":1,\"unitPrice\":100}]}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/v1/orders").param("userId", userId)).andExpect(status().isOk());

        assertThat(guard.refusedStatements()).isEmpty();
    }
}
