package dev.bulkhead.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.bulkhead.testing.DatabaseInspector;
import dev.bulkhead.testing.TestDatabaseConfiguration;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The request size limit over real HTTP, on a real port: MockMvc always knows a body's length, so only a real
 * connection can send a chunked body, one that announces no length and is counted as it is read. Whether announced
 * or counted, a body over 64 KiB gets the same 413 problem and writes nothing; a chunked body under the limit is
 * served as usual.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestDatabaseConfiguration.class)
class RequestSizeLimitTests {

    /**
     * The 413 as the filter wrote it by hand before {@link ProblemWriter}: clients get the same members and values
     * (their order is now Spring MVC's, as in every other problem).
     */
    private static final String TOO_LARGE = "{\"type\":\"about:blank\",\"title\":\"Request too large\",\"status\":413,"
            + "\"detail\":\"request bodies may hold at most 65536 bytes\","
            + "\"errors\":[{\"field\":\"body\",\"reason\":\"larger than 65536 bytes\"}]}";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    int port;

    @Autowired
    DatabaseInspector database;

    @Test
    void an_announced_body_over_the_limit_gets_the_413_problem_before_anything_reads_it() throws Exception {
        String email = email();

        HttpResponse<String> response = send("POST", "/v1/users", "application/json", registration(email, 70_000), false);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response.body())).isEqualTo(json(TOO_LARGE));
        assertThat(usersWith(email)).isZero();
    }

    @Test
    void a_chunked_body_over_the_limit_gets_the_same_413_problem_and_writes_nothing() throws Exception {
        String email = email();
        String json = "{\"email\":\"" + email + "\",\"name\":\"" + "x".repeat(70_000) + "\"}";

        HttpResponse<String> response = send("POST", "/v1/users", "application/json", json, true);

        assertTooLargeFromSpringMvc(response, "/v1/users");
        assertThat(usersWith(email)).isZero();
    }

    @Test
    void a_chunked_body_whose_json_ends_early_is_still_counted_to_its_end() throws Exception {
        // the padding after the value counts too: Jackson 3 reads on to the end to refuse trailing tokens (its
        // default), and a reader that stopped at the value's end would let this body through
        String email = email();

        HttpResponse<String> response = send("POST", "/v1/users", "application/json", registration(email, 70_000), true);

        assertTooLargeFromSpringMvc(response, "/v1/users");
        assertThat(usersWith(email)).isZero();
    }

    @Test
    void a_chunked_body_read_before_spring_mvc_gets_the_413_problem_too() throws Exception {
        // Spring's form filter reads a PATCH's form body itself, before the DispatcherServlet: the filter answers
        String form = "name=" + "x".repeat(70_000);

        HttpResponse<String> response = send("PATCH", "/v1/users/" + UUID.randomUUID(),
                "application/x-www-form-urlencoded", form, true);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response.body())).isEqualTo(json(TOO_LARGE));
    }

    @Test
    void a_chunked_body_under_the_limit_is_served() throws Exception {
        String email = email();

        HttpResponse<String> response = send("POST", "/v1/users", "application/json", registration(email, 60_000), true);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(usersWith(email)).isOne();
    }

    /** Spring MVC names the request in every problem it writes; otherwise the same JSON as when the filter answers. */
    private static void assertTooLargeFromSpringMvc(HttpResponse<String> response, String path) {
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        Map<String, Object> problem = json(response.body());
        assertThat(problem).containsEntry("instance", path);
        problem.remove("instance");
        assertThat(problem).isEqualTo(json(TOO_LARGE));
    }

    /** A registration whose JSON is padded with spaces to {@code size} bytes: valid, and as large as asked. */
    private static String registration(String email, int size) {
        String json = "{\"email\":\"" + email + "\",\"name\":\"Ada Lovelace\"}";
        return json + " ".repeat(size - json.length());
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body, boolean chunked)
            throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        // without a known length the client sends the body chunked (Transfer-Encoding: chunked, no Content-Length)
        BodyPublisher publisher = chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))
                : HttpRequest.BodyPublishers.ofByteArray(bytes);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", contentType).method(method, publisher).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The members of a JSON object, in whatever order they came. */
    private static Map<String, Object> json(String object) {
        return JsonPath.read(object, "$");
    }

    private long usersWith(String email) {
        return database.count("select count(*) from users.users where email = ?", email);
    }

    private static String email() {
        return "size-" + UUID.randomUUID() + "@example.com";
    }
}
