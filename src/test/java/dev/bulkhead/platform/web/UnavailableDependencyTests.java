package dev.bulkhead.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.io.EOFException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Supplier;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.AmqpConnectException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request that failed because the database or the broker did not answer gets a 503 problem naming the dependency,
 * with {@code Retry-After}, however the layers it crossed wrapped the failure (ADR 0035); a client's mistake stays a
 * 4xx and a bug stays a 500. The failures are thrown by a controller of the test's own, in front of the application's
 * advice, as each layer throws them when PostgreSQL goes away.
 */
class UnavailableDependencyTests {

    private static final SQLException CONNECTION_REFUSED = new SQLException("Connection to localhost:5432 refused", "08001");
    private static final SQLException IO_ERROR = new SQLException("An I/O error occurred while sending to the backend.", "08006",
            new SocketException("Connection reset"));

    private final Failures failures = new Failures();
    private final MockMvcTester mvc = MockMvcTester.create(MockMvcBuilders.standaloneSetup(failingController(failures))
            .setControllerAdvice(new ProblemDetailsAdvice(new ProblemWriter(JsonMapper.builder().build()))).build());

    @Test
    void no_connection_within_the_budget_is_a_503_naming_the_database() {
        assertUnavailable(() -> new CannotCreateTransactionException("Could not open JPA EntityManager for transaction",
                new SQLTransientConnectionException("bulkhead-order - Connection is not available, request timed out after 1000ms",
                        "08001", CONNECTION_REFUSED)), "Database unavailable");
    }

    @Test
    void a_connection_that_broke_during_the_transaction_is_a_503() {
        assertUnavailable(() -> new DataAccessResourceFailureException("could not execute statement",
                new JDBCConnectionException("JDBC exception executing SQL", IO_ERROR)), "Database unavailable");
    }

    @Test
    void a_rollback_that_failed_on_the_broken_connection_is_a_503_whatever_it_replaced() {
        // the driver answers a call on a connection it closed with 08003 (the application names the module: GuardedConnection)
        assertUnavailable(() -> new JpaSystemException(new RuntimeException("Unable to rollback against JDBC Connection",
                new SQLException("Connection is closed", "08003"))), "Database unavailable");
        assertUnavailable(() -> new TransactionSystemException("Could not roll back JPA transaction",
                new RuntimeException(new SQLException("This connection has been closed.", "08003"))), "Database unavailable");
    }

    @Test
    void the_server_shutting_down_is_a_503() {
        assertUnavailable(() -> new DataAccessResourceFailureException("terminating connection due to administrator command",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01")), "Database unavailable");
    }

    @Test
    void a_socket_failure_beneath_a_data_access_failure_is_a_503_even_without_an_sql_state() {
        assertUnavailable(() -> new DataAccessResourceFailureException("connection lost", new EOFException()), "Database unavailable");
    }

    @Test
    void a_statement_cancelled_by_the_modules_timeouts_is_a_503() {
        assertUnavailable(() -> new DataAccessResourceFailureException("statement",
                new SQLException("ERROR: canceling statement due to statement timeout", "57014")), "Database too slow");
        assertUnavailable(() -> new DataAccessResourceFailureException("lock",
                new SQLException("ERROR: canceling statement due to lock timeout", "55P03")), "Database too slow");
    }

    @Test
    void an_unreachable_broker_is_a_503_naming_the_broker() {
        failures.next = () -> new AmqpConnectException(new java.net.ConnectException("Connection refused"));
        MvcTestResult result = mvc.post().uri("/fail/1").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\"}").exchange();
        assertThat(result).hasStatus(HttpStatus.SERVICE_UNAVAILABLE).headers().hasValue("Retry-After", "1");
        assertThat(result).bodyJson().extractingPath("$.dependency").isEqualTo("broker");
    }

    @Test
    void a_bug_in_sql_is_still_a_500() {
        failures.next = () -> new BadSqlGrammarException("select", "selec 1",
                new SQLException("ERROR: syntax error at or near \"selec\"", "42601"));
        assertThat(unresolved()).isInstanceOf(BadSqlGrammarException.class);
    }

    @Test
    void any_other_bug_is_still_a_500() {
        failures.next = () -> new IllegalStateException("a bug");
        assertThat(unresolved()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_constraint_violation_is_not_an_outage() {
        failures.next = () -> new DuplicateKeyException("duplicate key", new SQLException("duplicate key value", "23505"));
        assertThat(unresolved()).isInstanceOf(DuplicateKeyException.class);
        assertThat(UnavailableDependency.of(new DataIntegrityViolationException("check", new SQLException("violates", "23514")))).isEmpty();
    }

    @Test
    void a_clients_bad_input_is_still_a_400_naming_the_field_even_while_the_database_is_away() {
        failures.next = () -> new CannotCreateTransactionException("never reached", CONNECTION_REFUSED);
        MvcTestResult result = mvc.post().uri("/fail/not-a-number").contentType(MediaType.APPLICATION_JSON).content("{}").exchange();
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("id");
        assertThat(mvc.post().uri("/fail/1").contentType(MediaType.APPLICATION_JSON).content("{}").exchange())
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("name");
    }

    /**
     * The exception no handler answered, which the servlet container turns into a 500 (MockMvc hands it to the test
     * instead): the advice rethrew it unchanged.
     */
    private Throwable unresolved() {
        MvcTestResult result = mvc.post().uri("/fail/1").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\"}").exchange();
        assertThat(result.getUnresolvedException()).as("an exception left for the container's 500").isNotNull();
        return result.getUnresolvedException().getCause(); // the servlet's "Request processing failed" around it
    }

    private void assertUnavailable(Supplier<RuntimeException> failure, String title) {
        failures.next = failure;
        MvcTestResult result = mvc.post().uri("/fail/1").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\"}").exchange();
        assertThat(result).hasStatus(HttpStatus.SERVICE_UNAVAILABLE).headers().hasValue("Retry-After", "1");
        assertThat(result).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.dependency").isEqualTo("database");
        assertThat(result).bodyJson().extractingPath("$.title").isEqualTo(title);
    }

    /** The failure the controller throws next. */
    static final class Failures {
        volatile Supplier<RuntimeException> next;
    }

    /**
     * A controller that throws what the test says. A local class, so that no component scan of the application can
     * ever pick it up (scanning takes top-level and static nested classes only); the standalone MockMvc above is
     * the only one that serves it.
     */
    private static Object failingController(Failures failures) {
        @Controller
        class FailingController {

            @PostMapping("/fail/{id}")
            @ResponseBody
            String fail(@PathVariable long id, @Valid @RequestBody Named body) {
                throw failures.next.get();
            }
        }
        return new FailingController();
    }

    record Named(@NotNull String name) {
    }
}
