package dev.bulkhead.platform.web;

import java.util.ArrayList;
import java.util.List;
import dev.bulkhead.platform.FieldError;
import java.util.Comparator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.beans.TypeMismatchException;

import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Renders every client mistake as an RFC 9457 problem whose {@code errors} list names each bad
 * field and why it was refused. Spring already maps these exceptions to 4xx statuses; this adds
 * the field-level detail a client needs to correct the request. A request that failed because the
 * database, a module's budget or the broker did not answer gets a 503 with {@code Retry-After}.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final ProblemWriter problems;

    ProblemDetailsAdvice(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (org.springframework.validation.FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(new FieldProblem(error.getField(), reason(error)));
        }
        ex.getBindingResult().getGlobalErrors()
                .forEach(error -> errors.add(new FieldProblem(error.getObjectName(), reason(error))));
        return invalid(errors, headers);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(error -> errors.add(new FieldProblem(
                    error instanceof org.springframework.validation.FieldError field ? field.getField() : name, reason(error))));
        });
        return invalid(errors, headers);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        RequestBodyTooLarge tooLarge = RequestBodyTooLarge.in(ex);
        if (tooLarge != null) { // a chunked body passed the size limit while Jackson read it (RequestSizeLimit)
            return problems.respond(tooLarge.problem(), headers);
        }
        JacksonException jackson = findCause(ex, JacksonException.class);
        if (jackson != null && !jackson.getPath().isEmpty()) {
            return invalid(List.of(new FieldProblem(path(jackson.getPath()), readableReason(jackson))), headers);
        }
        String reason = jackson != null ? "malformed JSON: " + jackson.getOriginalMessage() : "request body is missing or unreadable";
        return invalid(List.of(new FieldProblem("body", reason)), headers);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException argument ? argument.getName() : ex.getPropertyName();
        String expected = ex.getRequiredType() == null ? "a valid value" : "a valid " + ex.getRequiredType().getSimpleName();
        return invalid(List.of(new FieldProblem(name, "'" + ex.getValue() + "' is not " + expected)), headers);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(List.of(new FieldProblem(ex.getParameterName(), "is required")), headers);
    }

    /**
     * A dependency did not answer: a module used up its database budget, PostgreSQL is unreachable or too slow, the
     * broker is down ({@link UnavailableDependency}). The client may retry shortly, and the other modules keep
     * serving (their connections are separate). Anything else is not this handler's: it is rethrown unchanged, so a
     * bug is still a 500 and Spring Security still sees its own exceptions. It takes {@code Exception} because the
     * failure arrives wrapped in whatever the layers it crossed made of it; Spring asks only the first advice that has
     * a matching handler, so an advice added later for exceptions of its own must be ordered before this one.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnavailableDependency(Exception ex) throws Exception {
        UnavailableDependency unavailable = UnavailableDependency.of(ex).orElseThrow(() -> ex);
        log.warn("Answered 503 ({}{}): {}", unavailable.title(), unavailable.module() == null ? "" : ", module " + unavailable.module(),
                ex.toString());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, unavailable.retryAfter().toSeconds())));
        return problems.respond(unavailable.problem(), headers);
    }

    private ResponseEntity<Object> invalid(List<FieldProblem> errors, HttpHeaders headers) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).reason()
                        : errors.size() + " fields are invalid");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors.stream()
                .sorted(Comparator.comparing(FieldProblem::field))
                .map(error -> FieldError.of(error.field(), error.reason()))
                .toList());
        return problems.respond(problem, headers);
    }

    private static String reason(MessageSourceResolvable error) {
        String message = error.getDefaultMessage();
        if (error instanceof org.springframework.validation.FieldError field && field.isBindingFailure()) {
            return "'" + field.getRejectedValue() + "' has the wrong type";
        }
        return message != null ? message : new DefaultMessageSourceResolvable(error.getCodes()).getCode();
    }

    private static String readableReason(JacksonException ex) {
        String original = ex.getOriginalMessage();
        if (original.startsWith("Unrecognized property")) {
            return "unknown field";
        }
        if (original.startsWith("Cannot deserialize value of type") || original.startsWith("Cannot coerce")) {
            int from = original.indexOf(" from ");
            return "has the wrong type" + (from > 0 ? " (" + original.substring(from + 1, Math.min(original.length(), from + 80)).trim() + ")" : "");
        }
        return original.length() > 200 ? original.substring(0, 200) : original;
    }

    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static <T extends Throwable> T findCause(Throwable ex, Class<T> type) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private record FieldProblem(String field, String reason) {
    }
}
