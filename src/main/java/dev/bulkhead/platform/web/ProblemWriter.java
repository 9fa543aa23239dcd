package dev.bulkhead.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way an RFC 9457 problem becomes a response, wherever Bulkhead refuses a request: its status is the
 * problem's, its body {@code application/problem+json}. Filters and Spring Security's handlers answer before Spring
 * MVC runs, so they {@link #write} here, through a JSON converter made as Spring Boot makes MVC's, from the same
 * {@link JsonMapper} bean (with Spring's problem mix-in, which puts custom members such as {@code errors} at the top
 * level); the controller advice hands its problems to MVC through {@link #respond}, and MVC writes them with that
 * same mapper. So a refusal at the door and one from a controller are the same JSON, and no problem is built by
 * string concatenation, which cannot escape what it embeds.
 */
@Component
public class ProblemWriter {

    private final JacksonJsonHttpMessageConverter json;

    ProblemWriter(JsonMapper mapper) {
        // exactly how Spring Boot builds MVC's JSON converter from the same bean
        this.json = new JacksonJsonHttpMessageConverter(mapper);
    }

    /** Writes {@code problem} as the whole response, for callers outside Spring MVC (filters, security handlers). */
    public void write(ProblemDetail problem, HttpServletResponse response) throws IOException {
        response.setStatus(problem.getStatus());
        ServletServerHttpResponse output = new ServletServerHttpResponse(response);
        json.write(problem, MediaType.APPLICATION_PROBLEM_JSON, output);
        output.flush();
    }

    /** {@code problem} as a controller's answer, with its own status; Spring MVC writes the body. */
    ResponseEntity<Object> respond(ProblemDetail problem, HttpHeaders headers) {
        return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
    }
}
