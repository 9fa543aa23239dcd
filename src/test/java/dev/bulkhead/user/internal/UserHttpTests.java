package dev.bulkhead.user.internal;

import dev.bulkhead.testing.DatabaseInspector;
import static dev.bulkhead.testing.HttpClient.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.testing.HttpClient;
import dev.bulkhead.testing.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
class UserHttpTests {

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
    void registering_returns_201_with_the_user_and_its_location() {
        MvcTestResult result = http.post("/v1/users", "{\"email\":\"ada@example.com\",\"name\":\"Ada Lovelace\"}");

        assertThat(result).hasStatus(HttpStatus.CREATED);
        String id = read(result, "$.id");
        assertThat(result).headers().hasValue("Location", "/v1/users/" + id);
        assertThat(result).bodyJson().extractingPath("$.email").isEqualTo("ada@example.com");
        assertThat(result).bodyJson().extractingPath("$.active").isEqualTo(true);
    }

    @Test
    void invalid_registrations_get_400_naming_each_field_and_write_nothing() {
        long before = users();

        MvcTestResult result = http.post("/v1/users", "{\"email\":\"not-an-email\",\"name\":\"\"}");

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("email", "name");
        assertThat(http.post("/v1/users", "{\"name\":\"No Email\"}")).bodyJson()
                .extractingPath("$.errors[0].field").isEqualTo("email");
        assertThat(http.post("/v1/users", "{\"email\":\"long@example.com\",\"name\":\"" + "x".repeat(201) + "\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("name");
        assertThat(users()).isEqualTo(before);
    }

    @Test
    void malformed_json_gets_400() {
        assertThat(http.post("/v1/users", "{\"email\": \"a@example.com\", "))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("body");
        assertThat(http.post("/v1/users", "{\"email\": [1], \"name\": \"Array\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("email");
    }

    @Test
    void an_email_registered_in_another_case_gets_409_and_writes_nothing() {
        assertThat(http.post("/v1/users", "{\"email\":\"Grace@Example.com\",\"name\":\"Grace\"}")).hasStatus(HttpStatus.CREATED);
        long before = users();

        MvcTestResult duplicate = http.post("/v1/users", "{\"email\":\"grace@example.COM\",\"name\":\"Other\"}");

        assertThat(duplicate).hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.errors[0].field").isEqualTo("email");
        assertThat(users()).isEqualTo(before);
    }

    @Test
    void a_user_is_read_by_id_and_unknown_or_malformed_ids_get_404_or_400() {
        String id = register("hedy");

        assertThat(http.get("/v1/users/" + id)).hasStatusOk().bodyJson().extractingPath("$.id").isEqualTo(id);
        assertThat(http.get("/v1/users/" + UUID.randomUUID())).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(http.get("/v1/users/42")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("id");
    }

    @Test
    void many_users_are_read_in_one_call() {
        String first = register("katherine");
        String second = register("dorothy");

        MvcTestResult result = http.get("/v1/users?ids=" + first + "," + second + "," + UUID.randomUUID());

        assertThat(result).hasStatusOk().bodyJson().extractingPath("$[*].id").asArray().containsExactlyInAnyOrder(first, second);
    }

    @Test
    void a_batch_read_refuses_too_many_malformed_or_no_ids() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        assertThat(http.get("/v1/users?ids=" + String.join(",", ids))).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].reason").asString().contains("at most 100");
        assertThat(http.get("/v1/users?ids=" + UUID.randomUUID() + ",nope")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("ids");
        assertThat(http.get("/v1/users?ids=")).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void renaming_changes_the_name_and_bad_renames_get_4xx() {
        String id = register("mary");

        assertThat(http.patch("/v1/users/" + id, "{\"name\":\"Mary Jackson\"}")).hasStatusOk()
                .bodyJson().extractingPath("$.name").isEqualTo("Mary Jackson");
        assertThat(http.patch("/v1/users/" + id, "{\"name\":\"  \"}")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("name");
        assertThat(http.patch("/v1/users/" + UUID.randomUUID(), "{\"name\":\"Nobody\"}")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(http.get("/v1/users/" + id)).bodyJson().extractingPath("$.name").isEqualTo("Mary Jackson");
    }

    @Test
    void deactivating_marks_the_user_inactive_and_unknown_ids_get_404() {
        String id = register("annie");

        assertThat(http.post("/v1/users/" + id + "/deactivate", "")).hasStatusOk()
                .bodyJson().extractingPath("$.active").isEqualTo(false);
        assertThat(http.post("/v1/users/" + id + "/deactivate", "")).hasStatusOk();
        assertThat(http.patch("/v1/users/" + id, "{\"name\":\"Annie\"}")).hasStatus(HttpStatus.CONFLICT);
        assertThat(http.post("/v1/users/" + UUID.randomUUID() + "/deactivate", "")).hasStatus(HttpStatus.NOT_FOUND);
    }

    private String register(String name) {
        return read(http.post("/v1/users", "{\"email\":\"" + name + "-" + UUID.randomUUID() + "@example.com\",\"name\":\"" + name + "\"}"), "$.id");
    }

    private long users() {
        return jdbc.sql("select count(*) from users.users").query(Long.class).single();
    }
}
